using Hub.Core.Kernel;

namespace Hub.Core.Checks;

/// <summary>A check that holds for a person, about one membership, with the facts that make it hold.</summary>
/// <param name="Rule">The check.</param>
/// <param name="PersonKey">The person.</param>
/// <param name="Evidence">The facts, in order: status, membership, household.</param>
/// <param name="Identity">What makes the finding the same one when it is found again: the check, the person and the evidence's facts, not their batches.</param>
public sealed record CheckFinding(CheckRule Rule, PersonKey PersonKey, IReadOnlyList<CheckEvidence> Evidence, string Identity)
{
    /// <summary>The item id: the person key's first three characters (its partition) and a hash of <see cref="Identity"/>.</summary>
    public string ItemId => WorklistRows.ItemId(PersonKey, Identity);

    /// <summary>Names the check and the person key, never a value.</summary>
    public override string ToString() => $"{Rule.Id} for {PersonKey}";
}
