namespace Hub.Core.Profiles.Facts;

/// <summary>What a batch did to a fact.</summary>
internal static class FactChange
{
    public const string Inserted = "inserted";
    public const string Updated = "updated";
    public const string Ended = "ended";
}
