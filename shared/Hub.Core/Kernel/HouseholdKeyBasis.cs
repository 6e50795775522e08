namespace Hub.Core.Kernel;

/// <summary>What a household key was computed from.</summary>
public enum HouseholdKeyBasis
{
    /// <summary>The household number (户号) from the household register.</summary>
    HouseholdNumber = 1,

    /// <summary>The normalised registration address, when no household number is known.</summary>
    RegistrationAddress = 2,
}
