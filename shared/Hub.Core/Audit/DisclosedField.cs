namespace Hub.Core.Audit;

/// <summary>An attribute an answer disclosed (its name, never its value), and whether it was shown masked.</summary>
/// <param name="Name">The Hub attribute name, e.g. <c>residentId</c>.</param>
/// <param name="Masked">Whether the value was masked (GB/T 35273 display masking) rather than shown in full.</param>
public sealed record DisclosedField(string Name, bool Masked);
