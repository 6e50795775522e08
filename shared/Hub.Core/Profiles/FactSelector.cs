namespace Hub.Core.Profiles;

/// <summary>Picks facts of one source, optionally only those whose attribute has one of some values.</summary>
public sealed record FactSelector
{
    /// <summary>The source id; it need not be onboarded yet.</summary>
    public required string Source { get; init; }

    /// <summary>An attribute the fact must have; null to take every fact of the source.</summary>
    public string? Attribute { get; init; }

    /// <summary>The values <see cref="Attribute"/> may have; empty for any value.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>True when <paramref name="fact"/> is one this selector picks.</summary>
    public bool Matches(FactView fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if (!string.Equals(fact.Source, Source, StringComparison.Ordinal))
        {
            return false;
        }

        if (Attribute is null)
        {
            return true;
        }

        var value = fact.ValueOf(Attribute);
        return value is not null && (Values.Count == 0 || Values.Contains(value, StringComparer.Ordinal));
    }
}
