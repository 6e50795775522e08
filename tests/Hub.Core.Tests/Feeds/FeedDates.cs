namespace Hub.Core.Tests.Feeds;

/// <summary>The day a test feed stands as received on: fixed, so that no test depends on the clock.</summary>
internal static class FeedDates
{
    public static readonly DateOnly Received = new(2026, 1, 15);
}
