using Hub.Core.Kernel;
using Hub.Core.Profiles;
using Hub.Tests.Shared;

namespace Hub.Core.Tests.Profiles;

/// <summary>The profile rules the Hub ships and a builder over them.</summary>
internal static class ShippedRules
{
    public static readonly byte[] Pepper = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    public static ProfileRules Load() => ProfileRules.Load(ShippedFiles.ProfileRules);

    public static ProfileBuilder Builder() => new(Load(), HouseholdKey.HmacSha256(Pepper));
}
