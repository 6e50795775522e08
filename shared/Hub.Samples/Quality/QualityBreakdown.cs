namespace Hub.Samples.Quality;

/// <summary>What happened to the matching rows of one kind (all of them, one source, one ID problem, twins…), against the truth.</summary>
/// <param name="Label">Which rows: <c>all</c>, <c>source civil-affairs</c>, <c>id MissingId</c>, <c>with PreviousResidence</c>, <c>twins</c>…</param>
/// <param name="Rows">Rows without a usable ID that went through matching.</param>
/// <param name="TruthInIndex">Of those, rows whose person the Hub already knew: the ones that can be found.</param>
/// <param name="LinkedCorrectly">Linked automatically to their own person.</param>
/// <param name="LinkedWrongly">Linked automatically to someone else: the errors precision counts.</param>
/// <param name="QueuedWithTruth">Queued for a steward with their own person among the candidates.</param>
/// <param name="QueuedWithoutTruth">Queued without their own person among the candidates.</param>
/// <param name="NewPersons">Made a provisional person (no match).</param>
/// <param name="NewPersonsWithTruth">Made a provisional person although the Hub knew them: duplicates that slipped through.</param>
public sealed record QualityBreakdown(
    string Label,
    int Rows,
    int TruthInIndex,
    int LinkedCorrectly,
    int LinkedWrongly,
    int QueuedWithTruth,
    int QueuedWithoutTruth,
    int NewPersons,
    int NewPersonsWithTruth)
{
    /// <summary>Rows linked automatically.</summary>
    public int Linked => LinkedCorrectly + LinkedWrongly;

    /// <summary>Rows queued for a steward.</summary>
    public int Queued => QueuedWithTruth + QueuedWithoutTruth;

    /// <summary>Share of automatic links that are right; 1 when nothing was linked.</summary>
    public double Precision => Linked == 0 ? 1 : (double)LinkedCorrectly / Linked;

    /// <summary>Share of rows whose person was known that were linked to them or queued with them; 1 when none was known.</summary>
    public double Recall => TruthInIndex == 0 ? 1 : (double)(LinkedCorrectly + QueuedWithTruth) / TruthInIndex;
}
