using System.Text.Json.Serialization;

namespace Hub.Core.Profiles;

/// <summary>
/// What makes a fact a membership of a special group: its source and, optionally, an attribute value (a civil-affairs
/// record whose assistanceType is <c>dibao</c> is a 低保 membership). Several rules may name one group, so a group can
/// be recognised in more than one source.
/// </summary>
public sealed record GroupRule
{
    /// <summary>The group, e.g. <c>dibao</c> or <c>disability</c>.</summary>
    public required string Group { get; init; }

    /// <summary>The source whose facts make memberships; it need not be onboarded yet.</summary>
    public required string Source { get; init; }

    /// <summary>An attribute the fact must have; null when every fact of the source is a membership.</summary>
    public string? Attribute { get; init; }

    /// <summary>The values of <see cref="Attribute"/> that make a membership; empty for any value.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>Attributes copied into the membership as its details, e.g. disability category and grade.</summary>
    public IReadOnlyList<string> Details { get; init; } = [];

    /// <summary>The attribute holding the first day of the membership; without a value, the fact's first appearance counts.</summary>
    public string ValidFrom { get; init; } = "validFrom";

    /// <summary>The attribute holding the last day of the membership; without a value, it is open-ended.</summary>
    public string ValidTo { get; init; } = "validTo";

    /// <summary>The facts this rule turns into memberships.</summary>
    [JsonIgnore]
    public FactSelector Selector => new() { Source = Source, Attribute = Attribute, Values = Values };
}
