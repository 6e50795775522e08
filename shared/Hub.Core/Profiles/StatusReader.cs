using System.Globalization;

namespace Hub.Core.Profiles;

/// <summary>
/// Reads a person's status from their surviving attributes: the register's status, the date it gives for a death or
/// a move out, and the first day the status holds.
/// </summary>
internal sealed class StatusReader(ProfileRules rules)
{
    /// <summary>The status of the surviving <paramref name="attributes"/>; a date that cannot be read is a problem, never a guess.</summary>
    public StatusRead Read(IReadOnlyDictionary<string, AttributeValue> attributes, List<string> problems)
    {
        if (attributes.GetValueOrDefault(rules.PersonStatusAttribute) is not { } value)
        {
            return StatusRead.Unknown;
        }

        PersonStatus? status = value.Value switch
        {
            "active" => PersonStatus.Active,
            "deceased" => PersonStatus.Deceased,
            "moved-out" => PersonStatus.MovedOut,
            _ => null,
        };
        var dateAttribute = status switch
        {
            PersonStatus.Deceased => rules.DeathDateAttribute,
            PersonStatus.MovedOut => rules.MovedOutOnAttribute,
            _ => null,
        };
        if (status is null)
        {
            return StatusRead.Unknown;
        }

        if (dateAttribute is null)
        {
            return new StatusRead(status, null, null, value.Provenance);
        }

        DateOnly? date = null;
        if (attributes.GetValueOrDefault(dateAttribute)?.Value is { } text)
        {
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                date = parsed;
            }
            else
            {
                problems.Add($"the {dateAttribute} of the person's status is not a date, so the status holds from the day it was reported");
            }
        }

        // Without a date the register's record is the evidence: the status certainly holds from the day it reached the Hub.
        return new StatusRead(status, date, date ?? value.Provenance.AsOf, value.Provenance);
    }
}
