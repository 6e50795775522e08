using Hub.Core.Kernel;

namespace Hub.Core.Access;

/// <summary>One attribute an answer gave away, as the audit trail records it: which, from whom, and whether masked.</summary>
/// <param name="Attribute">The attribute.</param>
/// <param name="Source">The source of the value given.</param>
/// <param name="Masked">Whether the value was masked.</param>
public sealed record DisclosedField(string Attribute, SourceId Source, bool Masked);
