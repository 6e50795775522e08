namespace Hub.Core.Access;

/// <summary>The app roles the Hub understands (Entra ID app role values).</summary>
public static class HubRoles
{
    /// <summary>The prefix of feed-publisher roles; the rest of the value is the source id.</summary>
    public const string FeedPublisherPrefix = "Feeds.Publish.";

    /// <summary>Data stewards: read whole profiles and resolve possible duplicate persons.</summary>
    public const string DataSteward = "Hub.DataSteward";

    /// <summary>Auditors: search the audit trail and verify it is intact; they see the trail, not the people.</summary>
    public const string Auditor = "Hub.Auditor";

    /// <summary>The role that lets a machine identity push and follow feeds of one source.</summary>
    public static string FeedPublisher(string source) => FeedPublisherPrefix + source;
}
