namespace Hub.Functions.Tests.Infrastructure;

/// <summary>
/// For tests of what a snapshot applies (end-dates, restored records, profiles after them) on registers of a few
/// people, where ending one is already more than the tenth a snapshot may end unconfirmed: every snapshot that reads
/// a row is applied. Holding a snapshot is what HeldSnapshotTests is about.
/// </summary>
internal static class SnapshotSettings
{
    public static IReadOnlyDictionary<string, string?> AppliedWhole { get; } = new Dictionary<string, string?> { ["Hub:Feeds:SnapshotEndDateShare"] = "1" };
}
