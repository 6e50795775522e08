namespace Hub.Samples;

/// <summary>How sample feeds are cut: how many rows carry a mistake, and which mistakes may be used.</summary>
public sealed record FeedWriterOptions
{
    /// <summary>Share of rows that carry exactly one mistake, from 0 to 1; exactly round(rate × rows) rows do.</summary>
    public double MistakeRate { get; init; } = 0.02;

    /// <summary>
    /// The mistakes <see cref="MistakeRate"/> may inject; null for all but the stale snapshots
    /// (<see cref="MistakeKind.PreviousResidence"/>, <see cref="MistakeKind.PreviousPhone"/>), which have rates of
    /// their own. A row where none applies stays clean.
    /// </summary>
    public IReadOnlySet<MistakeKind>? Mistakes { get; init; }

    /// <summary>
    /// Share of rows, from 0 to 1, whose ID number is also made unusable, independently of <see cref="MistakeRate"/>:
    /// left empty, a digit mistyped, the check character wrong or dropped, or turned into scientific notation. Such
    /// a row may carry a second mistake (a traditional-character name, say), as real rows do. A row whose ID
    /// already carries a mistake keeps that one, so slightly fewer rows than the rate may be affected.
    /// </summary>
    public double IdProblemRate { get; init; }

    /// <summary>
    /// Share of rows, from 0 to 1, whose name is also written in traditional characters (張 for 张), independently of
    /// <see cref="MistakeRate"/>, as older systems store them. Rows whose name has no traditional form stay as they are.
    /// </summary>
    public double TraditionalNameRate { get; init; }

    /// <summary>
    /// Share of people, from 0 to 1, whose record in this feed still shows their previous residence: the
    /// department's snapshot predates a move. Decided per person and source, so all of a person's rows in one feed
    /// agree, and a person's previous residence is the same in every feed that holds it.
    /// </summary>
    public double StaleResidenceRate { get; init; }

    /// <summary>Share of people with a phone, from 0 to 1, whose record in this feed still shows their previous phone number.</summary>
    public double StalePhoneRate { get; init; }

    /// <summary>
    /// Share of people, from 0 to 1, this department's export leaves out altogether: for the police, residents who
    /// have not registered (yet). Other departments then hold people the register lacks, whose rows without a
    /// usable ID have nobody to be linked to. Decided per person and source.
    /// </summary>
    public double OmittedPeopleRate { get; init; }
}