namespace Hub.Core.Subjects;

/// <summary>One department's record about the person, as the department sent it.</summary>
/// <param name="Source">The department.</param>
/// <param name="Record">Tells apart several records of one department (e.g. the assistance type); empty when there is one.</param>
/// <param name="Attributes">Attribute → value as stored.</param>
/// <param name="LastBatch">The batch that last changed it.</param>
/// <param name="FirstSeenAt">When the Hub first stored it; null when not known.</param>
/// <param name="UpdatedAt">When the Hub last changed it.</param>
/// <param name="EndedAt">When the department stopped sending it; null while current.</param>
public sealed record SubjectFact(string Source, string Record, IReadOnlyDictionary<string, string> Attributes, string LastBatch, DateTimeOffset? FirstSeenAt, DateTimeOffset UpdatedAt, DateTimeOffset? EndedAt);
