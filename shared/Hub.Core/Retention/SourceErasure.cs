using Hub.Core.Kernel;

namespace Hub.Core.Retention;

/// <summary>
/// What a department's erasure request removed: the person (by key, with every key of theirs), how many of the
/// department's records, and whether the person went altogether because no other department held anything of them.
/// </summary>
public sealed record SourceErasure(PersonKey PersonKey, IReadOnlyList<PersonKey> Keys, int Records, bool PersonErased);
