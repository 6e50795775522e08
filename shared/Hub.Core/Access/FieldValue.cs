using Hub.Core.Kernel;

namespace Hub.Core.Access;

/// <summary>An attribute's value about a person and the source that stated it.</summary>
/// <param name="Value">The value as the Hub stores it.</param>
/// <param name="Source">The source it came from, whose mapping gives its sensitivity and sharing type.</param>
public readonly record struct FieldValue(string Value, SourceId Source);
