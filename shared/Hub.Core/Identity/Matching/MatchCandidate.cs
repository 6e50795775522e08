using Hub.Core.Kernel;

namespace Hub.Core.Identity.Matching;

/// <summary>
/// One record the Hub already holds about a person, found by candidate search. A person with records from several
/// departments is several candidates with the same <paramref name="Person"/>: each field is compared with every
/// value the Hub has seen for them (a residence one department still holds from before a move is not held against them).
/// </summary>
/// <param name="Person">The person the record is linked to: the key of a valid ID, or of a provisional person.</param>
/// <param name="Record">What the record says.</param>
public readonly record struct MatchCandidate(PersonKey Person, MatchRecord Record);
