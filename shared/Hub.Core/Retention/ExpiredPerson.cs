using Hub.Core.Kernel;

namespace Hub.Core.Retention;

/// <summary>
/// A person whose retention has run out: the keys erased with them (their own and every record key linked to them),
/// the last day they were to be kept and what set it, and how many rows their own key holds in the facts table.
/// </summary>
public sealed record ExpiredPerson(PersonKey PersonKey, IReadOnlyList<PersonKey> Keys, DateOnly KeptUntil, string KeptFor, int Rows);
