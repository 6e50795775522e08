namespace Hub.Core.Access;

/// <summary>What the policy lets one answer say about a person, and the account of it for the audit trail.</summary>
public sealed record Disclosure
{
    /// <summary>The attributes given, masked where the policy says so; hidden attributes are absent.</summary>
    public required IReadOnlyDictionary<string, string> Values { get; init; }

    /// <summary>Every attribute given, with its source and whether it was masked, ordered by attribute.</summary>
    public required IReadOnlyList<DisclosedField> Fields { get; init; }
}
