namespace Hub.Core.Identity.Matching;

/// <summary>
/// One expectation–maximisation session of <see cref="SessionEstimator"/>, as Splink runs one per blocking rule: the
/// candidate pairs that agree exactly on <paramref name="Agreeing"/>, which a key on that field found, with the fields
/// such a key holds (<paramref name="Conditioned"/>: the field itself and whatever scopes the key, a street or a
/// county) left out, because among those pairs they agree by construction and say nothing of m; and what the key's field
/// says of another (a given name says the sex) may be left out too.
/// </summary>
/// <param name="Agreeing">The field the session's pairs agree on exactly.</param>
/// <param name="Conditioned">The fields left out of the session; it includes <paramref name="Agreeing"/>.</param>
public sealed record EstimationSession(MatchField Agreeing, IReadOnlyList<MatchField> Conditioned)
{
    /// <summary>
    /// Whether the session takes <paramref name="pair"/>: it agrees exactly on <see cref="Agreeing"/> and has a value on
    /// both sides for at least one field the session does not leave out. A pair with nothing left to compare says
    /// nothing of m or u, and would only pull the share of same-person pairs towards wherever it started.
    /// </summary>
    public bool Takes(IReadOnlyList<FieldComparison> pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        return pair.Any(c => c.Field == Agreeing && c.Level == ComparisonLevel.Exact)
            && pair.Any(c => c.Level != ComparisonLevel.Missing && !Conditioned.Contains(c.Field));
    }

    /// <summary>The comparisons of <paramref name="pair"/> the session estimates from: all but those it leaves out.</summary>
    public IReadOnlyList<FieldComparison> Remaining(IReadOnlyList<FieldComparison> pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        return [.. pair.Where(c => !Conditioned.Contains(c.Field))];
    }
}
