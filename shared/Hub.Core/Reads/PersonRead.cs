namespace Hub.Core.Reads;

/// <summary>The answer of a read for a viewer, and what it disclosed.</summary>
/// <typeparam name="T">What was read.</typeparam>
/// <param name="Value">What the viewer is given; null for a person unknown or outside their jurisdiction (the same "nobody").</param>
/// <param name="Disclosed">What the read disclosed, for the audit event.</param>
public sealed record PersonRead<T>(T? Value, Disclosed Disclosed)
    where T : class;
