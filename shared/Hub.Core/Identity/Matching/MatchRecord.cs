using System.Globalization;
using Hub.Core.Kernel;

namespace Hub.Core.Identity.Matching;

/// <summary>
/// The part of a record that person matching looks at: name, birth date, sex, divisions, address, phone, and either a valid
/// ID number or the evidence left of an unusable one. Every value is optional; a missing value is not compared.
/// </summary>
/// <remarks>
/// Everything here is personal data. <see cref="ToString"/> is redacted, so a record that reaches a log or an
/// exception message by accident shows nothing.
/// </remarks>
public sealed record MatchRecord
{
    private readonly string? _name;
    private readonly string? _address;

    /// <summary>The name as the Hub normalised it (width, spaces between characters).</summary>
    public string? Name
    {
        get => _name;
        init
        {
            _name = value;
            var folded = NameFolding.Fold(value);
            FoldedName = folded.Length > 0 ? folded : null;
            PhoneticName = FoldedName is null ? null : PinyinFolding.FoldFoldedName(FoldedName);
        }
    }

    /// <summary>The name folded by <see cref="NameFolding.Fold"/>: what comparators and blocking keys use.</summary>
    public string? FoldedName { get; private init; }

    /// <summary>The folded name in toneless pinyin (<see cref="PinyinFolding"/>): homophones, the commonest slip of a clerk, agree here.</summary>
    public string? PhoneticName { get; private init; }

    /// <summary>Birth date.</summary>
    public DateOnly? BirthDate { get; init; }

    /// <summary>Sex.</summary>
    public Sex? Sex { get; init; }

    /// <summary>Where the person lives (居住地).</summary>
    public DivisionCode? ResidenceDivision { get; init; }

    /// <summary>Where the person's household is registered (户籍地).</summary>
    public DivisionCode? RegistrationDivision { get; init; }

    /// <summary>The residence address as written.</summary>
    public string? ResidenceAddress
    {
        get => _address;
        init
        {
            _address = value;
            var folded = NameFolding.Fold(value);
            FoldedAddress = folded.Length > 0 ? folded : null;
        }
    }

    /// <summary>The residence address folded like a name: 號 and 号, full-width and half-width digits, spaces all compare equal.</summary>
    public string? FoldedAddress { get; private init; }

    /// <summary>Phone number, normalised to digits.</summary>
    public string? Phone { get; init; }

    /// <summary>The valid ID number, when the record has one.</summary>
    public ResidentId? ResidentId { get; init; }

    /// <summary>What survives of an ID number that is not valid; null when the record has a valid one or none at all.</summary>
    public IdEvidence? IdEvidence { get; init; }

    /// <summary>
    /// True when the record can go through matching: it has a name and at least a birth date or a division. A
    /// record without a usable ID that fails this cannot be told apart from thousands of others and is rejected.
    /// </summary>
    public bool CanBeMatched => FoldedName is not null && (BirthDate is not null || ResidenceDivision is not null || RegistrationDivision is not null);

    /// <summary>
    /// Builds a match record from a record's attributes in the Hub's normal form (names as in the mapping files:
    /// <c>name</c>, <c>birthDate</c> as <c>yyyy-MM-dd</c>, <c>sex</c> as <c>male</c>/<c>female</c>,
    /// <c>residenceDivision</c>, <c>registrationDivision</c>, <c>residenceAddress</c>, <c>phone</c>) and the ID
    /// cell as it was written.
    /// A valid ID also supplies the birth date and sex when the attributes lack them. When the ID is unusable, a
    /// <c>disabilityCertificate</c> attribute whose first 18 characters form a valid ID number is used as evidence.
    /// </summary>
    /// <param name="attributes">Attribute → normalised value; unknown attributes are ignored, malformed ones treated as missing.</param>
    /// <param name="residentIdText">
    /// The ID cell as written; when null, the <c>residentId</c> attribute is used, or else the
    /// <c>residentIdAsSent</c> attribute of a record the Hub kept without a usable ID, as evidence only.
    /// </param>
    public static MatchRecord FromAttributes(IReadOnlyDictionary<string, string> attributes, string? residentIdText)
    {
        ArgumentNullException.ThrowIfNull(attributes);

        // A number the normaliser refused stays refused even if it would parse here: it may have been refused for a
        // birth date after its feed's date, which the stored record no longer carries. As a valid ID it would
        // forbid matching the person whose real number it mistypes.
        var refusedBefore = residentIdText is null && !attributes.ContainsKey("residentId");
        residentIdText ??= attributes.GetValueOrDefault("residentId") ?? attributes.GetValueOrDefault("residentIdAsSent");
        ResidentId? id = !refusedBefore && Kernel.ResidentId.TryParse(residentIdText, out var parsed, out _) ? parsed : null;
        Matching.IdEvidence? evidence = id is null ? CertificateEvidence(attributes) ?? (Matching.IdEvidence.TryRead(residentIdText, out var read) ? read : null) : null;
        return new MatchRecord
        {
            Name = attributes.GetValueOrDefault("name"),
            BirthDate = Date(attributes.GetValueOrDefault("birthDate")) ?? id?.BirthDate,
            Sex = SexOf(attributes.GetValueOrDefault("sex")) ?? id?.Sex,
            ResidenceDivision = Division(attributes.GetValueOrDefault("residenceDivision")),
            RegistrationDivision = Division(attributes.GetValueOrDefault("registrationDivision")),
            ResidenceAddress = attributes.GetValueOrDefault("residenceAddress"),
            Phone = string.IsNullOrWhiteSpace(attributes.GetValueOrDefault("phone")) ? null : attributes["phone"],
            ResidentId = id,
            IdEvidence = evidence,
        };
    }

    /// <inheritdoc />
    public override string ToString() => "MatchRecord(redacted)";

    /// <summary>
    /// The second-generation disability certificate number (残疾人证号) is the holder's ID number followed by the
    /// category and grade digits, so when the ID cell is unusable the certificate still carries the number. It is
    /// kept as evidence, not as a valid ID: it was typed by someone too.
    /// </summary>
    private static IdEvidence? CertificateEvidence(IReadOnlyDictionary<string, string> attributes) =>
        attributes.GetValueOrDefault("disabilityCertificate") is { Length: >= 18 } certificate
        && Kernel.ResidentId.TryParse(certificate[..18], out _, out _)
        && Matching.IdEvidence.TryRead(certificate[..18], out var evidence)
            ? evidence
            : null;

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static Sex? SexOf(string? code) => code switch
    {
        "male" => Kernel.Sex.Male,
        "female" => Kernel.Sex.Female,
        _ => null,
    };

    private static DivisionCode? Division(string? text) => DivisionCode.TryParse(text, out var code, out _) ? code : null;
}
