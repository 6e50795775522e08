using Hub.Core.Storage;

namespace Hub.Core.Access;

/// <summary>
/// A break-glass grant as table <c>grants</c> stores it. Partition: the person key's partition (as <c>facts</c>),
/// row: <c>{personKey}|{subject}</c>, so the check on every person look is one point read.
/// </summary>
internal sealed class BreakGlassGrantEntity : StoredEntity
{
    public string PersonKey { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    public string Reason { get; set; } = string.Empty;

    public DateTimeOffset GrantedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
