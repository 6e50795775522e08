using Hub.Core.Kernel;

namespace Hub.Core.Access;

/// <summary>One role's row of the access policy: what it is given of each sensitivity level.</summary>
public sealed record LevelAccess
{
    /// <summary>Basic facts.</summary>
    public FieldAccess? L1 { get; init; }

    /// <summary>Contact details and addresses.</summary>
    public FieldAccess? L2 { get; init; }

    /// <summary>Group details.</summary>
    public FieldAccess? L3 { get; init; }

    /// <summary>Highly sensitive facts.</summary>
    public FieldAccess? L4 { get; init; }

    /// <summary>The access at <paramref name="level"/>; null when the policy file leaves it out (an invalid policy).</summary>
    public FieldAccess? this[Sensitivity level] => level switch
    {
        Sensitivity.L1 => L1,
        Sensitivity.L2 => L2,
        Sensitivity.L3 => L3,
        Sensitivity.L4 => L4,
        _ => null,
    };
}
