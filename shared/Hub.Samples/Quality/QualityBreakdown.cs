namespace Hub.Samples.Quality;

/// <summary>What happened to the matching rows of one kind (all of them, one source, one ID problem, one corruption, twins…), against the truth.</summary>
/// <param name="Label">Which rows: <c>all</c>, <c>source civil-affairs</c>, <c>id MissingId</c>, <c>with PreviousResidence</c>, <c>corrupted PhoneticSubstitution</c>, <c>twins</c>…</param>
/// <param name="Rows">Rows without a usable ID that went through matching.</param>
/// <param name="KnownOnArrival">Of those, rows whose person the index held when they arrived.</param>
/// <param name="Findable">Rows whose person has another record anywhere in the feeds: the ones that should end up with it.</param>
/// <param name="Found">Findable rows that ended with their person (in their home beside another of their records or beside one queued with it, or queued with it) once every feed was in.</param>
/// <param name="LinkedCorrectly">Linked automatically to their own person (once every feed was in, as every outcome below).</param>
/// <param name="LinkedWrongly">Linked automatically to someone else: the errors precision counts.</param>
/// <param name="QueuedWithTruth">Queued for a steward with their own person among the candidates.</param>
/// <param name="QueuedWithoutTruth">Queued without their own person among the candidates.</param>
/// <param name="NewPersons">Made a provisional person (no match).</param>
/// <param name="NewPersonsWithTruth">Made a provisional person although the index held their person: duplicates that slipped through.</param>
public sealed record QualityBreakdown(
    string Label,
    int Rows,
    int KnownOnArrival,
    int Findable,
    int Found,
    int LinkedCorrectly,
    int LinkedWrongly,
    int QueuedWithTruth,
    int QueuedWithoutTruth,
    int NewPersons,
    int NewPersonsWithTruth)
{
    /// <summary>Rows whose person the index held on arrival that were linked to them or queued with them right then.</summary>
    public int FoundOnArrival { get; init; }

    /// <summary>Rows linked automatically.</summary>
    public int Linked => LinkedCorrectly + LinkedWrongly;

    /// <summary>Rows queued for a steward.</summary>
    public int Queued => QueuedWithTruth + QueuedWithoutTruth;

    /// <summary>Share of automatic links that are right; 1 when nothing was linked.</summary>
    public double Precision => Linked == 0 ? 1 : (double)LinkedCorrectly / Linked;

    /// <summary>Share of findable rows found once every feed was in; 1 when none was findable.</summary>
    public double Recall => Findable == 0 ? 1 : (double)Found / Findable;

    /// <summary>
    /// Share of rows whose person the index held on arrival that were linked to them or queued with them right then:
    /// the matcher's own recall, before any later batch matched them again; 1 when none was held.
    /// </summary>
    public double RecallOnArrival => KnownOnArrival == 0 ? 1 : (double)FoundOnArrival / KnownOnArrival;
}
