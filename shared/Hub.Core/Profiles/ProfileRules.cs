using System.Text.Json;
using System.Text.Json.Serialization;
using Hub.Core.Feeds.Sources;

namespace Hub.Core.Profiles;

/// <summary>
/// How profiles are derived from facts, loaded from a rules file: per-attribute survivorship, the special groups,
/// where residence and registration places come from, and households. Sources named here need not be onboarded
/// yet, so a department can be added later by a mapping file alone.
/// </summary>
public sealed record ProfileRules
{
    /// <summary>
    /// JSON settings of rules files: those of mapping files, and an unknown property is an error, so that a
    /// misspelt <c>fallbak</c> fails at start-up instead of silently keeping the default.
    /// </summary>
    public static readonly JsonSerializerOptions JsonOptions = new(SourceCatalog.JsonOptions)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Hours east of UTC of the Hub's calendar, in which as-of and end dates are counted.</summary>
    public int UtcOffsetHours { get; init; } = 8;

    /// <summary>Survivorship per attribute; attributes not named here take the most recent value.</summary>
    public IReadOnlyDictionary<string, AttributeRule> Attributes { get; init; } = new Dictionary<string, AttributeRule>();

    /// <summary>Attributes that describe one record (a benefit, a lease), not the person: kept in memberships only.</summary>
    public IReadOnlyList<string> RecordAttributes { get; init; } = [];

    /// <summary>The attribute holding the person's status (<c>active</c>, <c>deceased</c>, <c>moved-out</c>).</summary>
    public string PersonStatusAttribute { get; init; } = "personStatus";

    /// <summary>
    /// The attribute holding the date of death (死亡日期): the status <c>deceased</c> holds from that day, and the
    /// person's memberships are not active from the day after.
    /// </summary>
    public string DeathDateAttribute { get; init; } = "deathDate";

    /// <summary>The attribute holding the day the person moved out of the area (迁出日期): the status <c>moved-out</c> holds from that day.</summary>
    public string MovedOutOnAttribute { get; init; } = "movedOutOn";

    /// <summary>The special groups and the facts that make memberships of them.</summary>
    public IReadOnlyList<GroupRule> Groups { get; init; } = [];

    /// <summary>Where the residence place (居住地) comes from.</summary>
    public required PlaceRule Residence { get; init; }

    /// <summary>Where the household-registration place (户籍地) comes from.</summary>
    public required PlaceRule Registration { get; init; }

    /// <summary>Where the household comes from.</summary>
    public HouseholdRule Household { get; init; } = new();

    /// <summary>Reads and validates a rules file; errors name the file and the rule.</summary>
    public static ProfileRules Load(string file)
    {
        string json;
        try
        {
            json = File.ReadAllText(file);
        }
        catch (IOException ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InvalidDataException($"The profile rules file '{file}' does not exist.", ex);
        }

        return Parse(json, $"profile rules file '{file}'");
    }

    /// <summary>Reads and validates rules from JSON text; <paramref name="origin"/> names it in errors.</summary>
    public static ProfileRules Parse(string json, string origin = "profile rules document")
    {
        ArgumentNullException.ThrowIfNull(json);
        ProfileRules? rules;
        try
        {
            rules = JsonSerializer.Deserialize<ProfileRules>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The {origin} is not valid: {ex.Message}", ex);
        }

        if (rules is null)
        {
            throw new InvalidDataException($"The {origin} is empty.");
        }

        var errors = Validate(rules);
        return errors.Count == 0 ? rules : throw new InvalidDataException($"The {origin} is invalid: {string.Join("; ", errors)}");
    }

    /// <summary>Lists what is wrong with <paramref name="rules"/>; each error names the rule. Empty when they are valid.</summary>
    public static IReadOnlyList<string> Validate(ProfileRules rules) => ProfileRulesValidator.Validate(rules);

    /// <summary>
    /// Lists the attributes and code values the rules name for an onboarded source that its mapping does not define
    /// (a misspelt attribute would otherwise never match). Sources the catalogue does not know are skipped.
    /// </summary>
    public IReadOnlyList<string> CheckAgainst(SourceCatalog catalog) => ProfileRulesCatalogCheck.Check(this, catalog);

    /// <summary>The survivorship rule of <paramref name="attribute"/>.</summary>
    public AttributeRule RuleFor(string attribute) => Attributes.GetValueOrDefault(attribute) ?? AttributeRule.MostRecentValue;

    /// <summary>The day <paramref name="instant"/> falls on in the Hub's calendar.</summary>
    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(TimeSpan.FromHours(UtcOffsetHours)).DateTime);
}
