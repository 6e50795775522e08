namespace Hub.Core.Checks;

/// <summary>
/// What a check asks of the person's household (the household number of the register, see the profile rules): that
/// the person is not its head and that another present member holds a membership of <see cref="OtherMemberIn"/>
/// stated active on the evaluation day.
/// </summary>
public sealed record HouseholdCondition
{
    /// <summary>The groups another member must hold, e.g. <c>public-housing</c>; at least one.</summary>
    public IReadOnlyList<string> OtherMemberIn { get; init; } = [];

    /// <summary>True when the person must not be the head of the household.</summary>
    public bool NotHead { get; init; } = true;
}
