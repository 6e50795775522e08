namespace Hub.Core.Identity.Matching;

/// <summary>A field of <see cref="MatchRecord"/> that match rules compare; in rules files, camelCase (<c>birthDate</c>).</summary>
public enum MatchField
{
    /// <summary>The name, as written or folded, depending on the comparator.</summary>
    Name = 1,

    /// <summary>The birth date.</summary>
    BirthDate,

    /// <summary>The sex.</summary>
    Sex,

    /// <summary>The residence division (居住地).</summary>
    ResidenceDivision,

    /// <summary>The household-registration division (户籍地).</summary>
    RegistrationDivision,

    /// <summary>The residence address, compared in its folded form (width, spaces, traditional characters).</summary>
    ResidenceAddress,

    /// <summary>The phone number.</summary>
    Phone,

    /// <summary>The ID number: a valid one, or the evidence left of an unusable one.</summary>
    ResidentId,
}
