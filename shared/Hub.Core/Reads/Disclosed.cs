using Hub.Core.Audit;
using Hub.Core.Kernel;

namespace Hub.Core.Reads;

/// <summary>
/// What one read disclosed, for its one audit event: person keys and attribute names only, never a value.
/// </summary>
/// <param name="Persons">The persons the read touched, in the order touched, each once.</param>
/// <param name="Fields">The attributes given, in the order given; one given both masked and in full counts as given in full.</param>
/// <param name="Denied">True when the policy refused the read (out of jurisdiction, a group or claim not open to the user).</param>
/// <param name="BreakGlassReason">The reason of the break-glass grant the read used; null when none.</param>
/// <param name="BreakGlassPurpose">The purpose a break-glass look is recorded under when the user declared none.</param>
/// <param name="RecordCount">How many records the answer held; null when nothing was answered.</param>
public sealed record Disclosed(
    IReadOnlyList<PersonKey> Persons,
    IReadOnlyList<DisclosedField> Fields,
    bool Denied,
    string? BreakGlassReason,
    string? BreakGlassPurpose,
    int? RecordCount);
