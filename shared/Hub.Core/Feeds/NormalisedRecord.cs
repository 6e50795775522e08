using Hub.Core.Kernel;

namespace Hub.Core.Feeds;

/// <summary>A record that passed validation: its resident ID (if usable) and its attributes in the Hub's normal form.</summary>
/// <param name="Row">The row it came from.</param>
/// <param name="ResidentId">
/// The validated ID number the person key is computed from; null for a record kept without a usable ID, which
/// is matched to a person by name, birth date, sex, division and phone instead (see <see cref="IdProblem"/>).
/// </param>
/// <param name="Discriminator">Tells apart several records of one person in one source; empty when there is one.</param>
/// <param name="Attributes">Attribute → normalised value (dates <c>yyyy-MM-dd</c>, numbers invariant); empty values are absent.</param>
public sealed record NormalisedRecord(long Row, ResidentId? ResidentId, string Discriminator, IReadOnlyDictionary<string, string> Attributes)
{
    /// <summary>Why the ID number could not be used, for a record kept without one; reported to the department.</summary>
    public Rejection? IdProblem { get; init; }

    /// <summary>Invalid values of optional fields that were dropped or kept as sent; the row report lists them.</summary>
    public IReadOnlyList<ValueWarning> Warnings { get; init; } = [];

    /// <summary>True when the record carries a usable ID number.</summary>
    public bool IsIdentified => ResidentId is not null;
}
