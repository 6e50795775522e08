using Hub.Core.Kernel;
using Hub.Core.Profiles;

namespace Hub.Core.Tests.Profiles;

/// <summary>The profile rules the Hub ships, as copied next to the test assembly, and a builder over them.</summary>
internal static class ShippedRules
{
    public static readonly byte[] Pepper = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    public static string File => Path.Combine(AppContext.BaseDirectory, "rules", "profiles.json");

    public static ProfileRules Load() => ProfileRules.Load(File);

    public static ProfileBuilder Builder() => new(Load(), HouseholdKey.HmacSha256(Pepper));
}
