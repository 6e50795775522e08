using Hub.Core.Kernel;

namespace Hub.Samples;

/// <summary>
/// What each department knows about a person, as attribute → typed value: Hub codes, dates, numbers and division
/// codes. The department's headers, labels and date spelling are applied later from its mapping file, so only
/// the choice of people and attributes is department-specific here.
/// </summary>
internal static class DepartmentRecords
{
    public static IEnumerable<Dictionary<string, object?>> For(string source, Person person) => source switch
    {
        ShippedSources.Police => [Police(person)],
        ShippedSources.CivilAffairs => person.Assistance.Select(a => CivilAffairs(person, a)),
        ShippedSources.DisabilityFederation => person.Disability is { } d ? [DisabilityFederation(person, d)] : [],
        ShippedSources.HousingSecurity => person.Tenancy is { } t ? [HousingSecurity(person, t)] : [],
        _ => throw new ArgumentException($"There are no sample records for source '{source}'; samples exist for: {string.Join(", ", ShippedSources.Ids)}.", nameof(source)),
    };

    /// <summary>
    /// The police register's record of <paramref name="person"/> in a delta sent after the snapshot: the same record,
    /// now with the deaths the snapshot predates.
    /// </summary>
    public static Dictionary<string, object?> PoliceDelta(Person person) => Police(person, afterSnapshot: true);

    private static Dictionary<string, object?> Police(Person p, bool afterSnapshot = false) => new()
    {
        ["residentId"] = p.ResidentId.Value,
        ["name"] = p.Name,
        ["formerName"] = p.FormerName,
        ["sex"] = SexCode(p.Sex),
        ["ethnicity"] = p.Ethnicity,
        ["birthDate"] = p.BirthDate,
        ["householdNumber"] = p.HouseholdNumber,

        // The register distinguishes 子 and 女 although the Hub's code list folds both into "child".
        ["relationToHead"] = p.RelationToHead switch
        {
            Relation.Head => "户主",
            Relation.Spouse => "配偶",
            Relation.Son => "子",
            Relation.Daughter => "女",
            Relation.Father => "父亲",
            Relation.Mother => "母亲",
            Relation.Grandson => "孙子",
            _ => "孙女",
        },
        ["registrationAddress"] = p.Registration.Address,
        ["registrationDivision"] = p.Registration.Division,

        // Moving within the city is a second-address registration; coming from another city needs a residence permit.
        ["residenceRegistrationType"] = !p.Moved ? "household"
            : Places.Home.Any(c => c.Code == p.Registration.Division.County) ? "second-address" : "residence-permit",
        ["residenceDivision"] = p.Residence.Division,
        ["residenceAddress"] = p.Residence.Address,
        ["residenceGrid"] = p.Residence.Grid,
        ["personStatus"] = Died(p, afterSnapshot) is not null ? "deceased" : p.MovedOutOn is not null ? "moved-out" : "active",
        ["deathDate"] = Died(p, afterSnapshot),
        ["movedOutOn"] = Died(p, afterSnapshot) is null ? p.MovedOutOn : null,
        ["registeredOn"] = p.RegisteredOn,
    };

    // A death the snapshot predates is not in it.
    private static DateOnly? Died(Person p, bool afterSnapshot) => p.DeathReportedLater && !afterSnapshot ? null : p.DiedOn;

    private static Dictionary<string, object?> CivilAffairs(Person p, Assistance a) => new()
    {
        ["residentId"] = p.ResidentId.Value,
        ["name"] = p.Name,
        ["sex"] = SexCode(p.Sex),
        ["birthDate"] = p.BirthDate,
        ["assistanceType"] = a.Type switch
        {
            AssistanceType.Dibao => "dibao",
            AssistanceType.LowIncome => "low-income",
            AssistanceType.ExtremePoverty => "extreme-poverty",
            AssistanceType.ElderlyAlone => "elderly-alone",
            _ => "temporary-assistance",
        },
        ["assistanceAmount"] = a.MonthlyAmount,
        ["householdSize"] = a.HouseholdSize,
        ["validFrom"] = a.From,
        ["validTo"] = a.To,
        ["registrationDivision"] = p.Registration.Division,
        ["residenceDivision"] = p.Residence.Division,
        ["residenceGrid"] = p.Residence.Grid,
        ["residenceAddress"] = p.Residence.Address,
        ["phone"] = p.Phone,
    };

    private static Dictionary<string, object?> DisabilityFederation(Person p, Disability d) => new()
    {
        ["residentId"] = p.ResidentId.Value,
        ["name"] = p.Name,
        ["sex"] = SexCode(p.Sex),
        ["disabilityCertificate"] = d.CertificateNumber,
        ["disabilityCategory"] = d.Category.ToString().ToLowerInvariant(),
        ["disabilityGrade"] = d.Grade,
        ["validFrom"] = d.IssuedOn,
        ["validTo"] = d.ValidTo,
        ["residenceDivision"] = p.Residence.Division,
        ["residenceGrid"] = p.Residence.Grid,
        ["phone"] = p.Phone,
        ["guardianPhone"] = d.GuardianPhone,
    };

    private static Dictionary<string, object?> HousingSecurity(Person p, Tenancy t) => new()
    {
        ["residentId"] = p.ResidentId.Value,
        ["name"] = p.Name,
        ["housingType"] = t.Type switch
        {
            HousingType.PublicRental => "public-rental",
            HousingType.LowRent => "low-rent",
            HousingType.AffordableRental => "affordable-rental",
            _ => "rent-subsidy",
        },
        ["residenceAddress"] = p.Residence.Address,
        ["residenceDivision"] = p.Residence.Division,
        ["residenceGrid"] = p.Residence.Grid,
        ["validFrom"] = t.From,
        ["validTo"] = t.To,
        ["monthlyRent"] = t.MonthlyRent,
        ["householdSize"] = t.HouseholdSize,
        ["phone"] = p.Phone,
    };

    private static string SexCode(Sex sex) => sex == Sex.Male ? "male" : "female";
}