namespace Hub.Core.Exchange;

/// <summary>
/// One read of the change feed: the events found, how many rows were read (blanks left by an erasure among them) and
/// the last row's sequence, where the next read goes on from.
/// </summary>
internal sealed record ChangeEventRange(IReadOnlyList<ChangeEvent> Events, int Rows, long? LastSequence);
