namespace Hub.Core.Exchange;

/// <summary>
/// One read of the change feed: the events found, how many sequences were read (blanks left by an erasure among them)
/// and the last sequence read, where the next read goes on from.
/// </summary>
internal sealed record ChangeEventRange(IReadOnlyList<ChangeEvent> Events, int Sequences, long? LastSequence);
