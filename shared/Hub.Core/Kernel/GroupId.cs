using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Hub.Core.Kernel;

/// <summary>
/// A special group (特殊群体) such as <c>dibao</c>: an extensible set, defined by the profile rules. The well-known
/// groups are named here because household views flag them; a new group needs only a rule.
/// </summary>
public readonly partial record struct GroupId
{
    /// <summary>The form of a group id, as a regular expression: 2 to 40 lower-case letters, digits or hyphens, starting with a letter.</summary>
    public const string JsonPattern = "^[a-z][a-z0-9-]{1,39}$";

    private GroupId(string value) => Value = value;

    /// <summary>最低生活保障 recipients.</summary>
    public static GroupId Dibao { get; } = new("dibao");

    /// <summary>低收入 (and 低保边缘) households.</summary>
    public static GroupId LowIncome { get; } = new("low-income");

    /// <summary>特困供养 people.</summary>
    public static GroupId ExtremePoverty { get; } = new("extreme-poverty");

    /// <summary>孤寡老人: elderly people living alone without family support.</summary>
    public static GroupId ElderlyAlone { get; } = new("elderly-alone");

    /// <summary>临时救助 recipients.</summary>
    public static GroupId TemporaryAssistance { get; } = new("temporary-assistance");

    /// <summary>Holders of a disability certificate (残疾人证).</summary>
    public static GroupId Disability { get; } = new("disability");

    /// <summary>People with severe mental illness (严重精神障碍患者).</summary>
    public static GroupId SevereMentalIllness { get; } = new("severe-mental-illness");

    /// <summary>Tenants of public housing (公租房, 廉租房, 保障性租赁住房).</summary>
    public static GroupId PublicHousing { get; } = new("public-housing");

    /// <summary>Households receiving a rent subsidy (租赁补贴).</summary>
    public static GroupId RentSubsidy { get; } = new("rent-subsidy");

    /// <summary>The group id text.</summary>
    public string Value { get; }

    /// <summary>Accepts 2 to 40 characters: a lower-case letter, then lower-case letters, digits or hyphens.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out GroupId? id)
    {
        id = null;
        if (text is null || !Pattern().IsMatch(text))
        {
            return false;
        }

        id = new GroupId(text);
        return true;
    }

    /// <summary>Parses a group id that must be valid.</summary>
    public static GroupId Parse(string text) =>
        TryParse(text, out var id) ? id.Value : throw new FormatException("A group id is 2 to 40 lower-case letters, digits or hyphens, starting with a letter.");

    /// <inheritdoc />
    public override string ToString() => Value;

    [GeneratedRegex(JsonPattern, RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
