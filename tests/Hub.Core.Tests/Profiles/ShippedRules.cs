using Hub.Core.Profiles;

namespace Hub.Core.Tests.Profiles;

/// <summary>The profile rules the Hub ships, as copied next to the test assembly.</summary>
internal static class ShippedRules
{
    public static string File => Path.Combine(AppContext.BaseDirectory, "rules", "profiles.json");

    public static ProfileRules Load() => ProfileRules.Load(File);
}
