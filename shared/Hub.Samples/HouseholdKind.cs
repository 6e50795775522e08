namespace Hub.Samples;

/// <summary>The household shapes the generator draws from.</summary>
public enum HouseholdKind
{
    /// <summary>An elderly person living alone (独居/孤寡老人).</summary>
    ElderlyAlone = 1,

    /// <summary>An elderly couple.</summary>
    ElderlyCouple,

    /// <summary>A young or middle-aged adult living alone.</summary>
    SingleAdult,

    /// <summary>Parents and children, sometimes a grandparent; sometimes twins.</summary>
    Family,

    /// <summary>Ageing parents with a disabled adult child.</summary>
    DisabledAdultChild,
}