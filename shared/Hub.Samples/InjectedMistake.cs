namespace Hub.Samples;

/// <summary>A mistake put into one cell of a sample row on purpose.</summary>
/// <param name="Kind">What was done.</param>
/// <param name="Column">The column header of the cell.</param>
public sealed record InjectedMistake(MistakeKind Kind, string Column)
{
    /// <summary>
    /// True when the Hub cannot repair it: a source that rejects records without a usable ID rejects the row; one that
    /// matches them (the default) keeps an ID problem for matching and rejects the rest.
    /// </summary>
    public bool Rejects => Kind is MistakeKind.ScientificNotation or MistakeKind.WrongCheckCharacter or MistakeKind.MissingRequiredValue
        or MistakeKind.MissingId or MistakeKind.MistypedIdDigit or MistakeKind.DroppedCheckCharacter;
}