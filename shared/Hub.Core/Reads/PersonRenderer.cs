using System.Globalization;
using System.Text.Json.Nodes;
using Hub.Core.Access;
using Hub.Core.Access.Residents;
using Hub.Core.Divisions;
using Hub.Core.Kernel;
using Hub.Core.Profiles;

namespace Hub.Core.Reads;

/// <summary>
/// Renders persons through <see cref="PolicyRenderer"/>: every attribute, place part and membership detail is given as
/// the policy decides (absent when hidden, masked when masked), and every attribute given is accounted for in the
/// read's <see cref="DisclosureLog"/>. Nothing here decides access on its own.
/// </summary>
internal sealed class PersonRenderer(PolicyRenderer renderer, ProfileRules rules, DivisionDirectory divisions)
{
    private const string Hidden = "***";

    // Place parts travel as the attributes the mappings name, so the policy decides them like any other attribute.
    private static readonly (string Kind, string Division, string? Grid, string Address)[] PlaceAttributes =
    [
        ("residence", "residenceDivision", "residenceGrid", "residenceAddress"),
        ("registration", "registrationDivision", null, "registrationAddress"),
    ];

    /// <summary>A person's detail as <paramref name="request"/> may see it on <paramref name="on"/>.</summary>
    public JsonObject Person(AccessRequest request, PersonProfile profile, DateOnly on, DisclosureLog log)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(log);
        var attributes = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
        foreach (var (attribute, value) in profile.Attributes)
        {
            if (SourceId.TryParse(value.Provenance.Source, out var source))
            {
                attributes[attribute] = new FieldValue(value.Value, source.Value);
            }
        }

        var disclosure = renderer.Render(request, attributes);
        log.Disclose(disclosure.Fields);
        var json = new JsonObject
        {
            ["personKey"] = profile.PersonKey.Value,
            ["provisional"] = profile.Provisional,
            ["attributes"] = Object(disclosure.Values),
        };

        foreach (var (kind, division, grid, address) in PlaceAttributes)
        {
            var place = kind == "residence" ? profile.Residence : profile.Registration;
            if (place is not null && Place(request, place, division, grid, address, log) is { Count: > 0 } rendered)
            {
                json[kind] = rendered;
            }
        }

        var status = Status(request, profile.StatusOn(on), profile.StatusOn(on) is PersonStatus.Active ? null : profile.StatusDate, profile.StatusProvenance?.Source, log);
        if (status.Status is not null)
        {
            json["status"] = status.Status;
            Put(json, "statusDate", status.Date);
        }

        json["memberships"] = Memberships(request, profile.Memberships, on, log);
        if (profile.HouseholdKey is { } household)
        {
            json["householdKey"] = household.Value;
        }

        if (request.User.Department is { } department && OwnDepartmentValues(request, profile, department, log) is { Count: > 0 } own)
        {
            json["ownDepartment"] = own;
        }

        return json;
    }

    /// <summary>
    /// What <paramref name="request"/> is given of group <paramref name="group"/> as stated by <paramref name="source"/>:
    /// the access to the attribute its group rule reads (e.g. civil affairs' <c>assistanceType</c>). Null source: the
    /// least any rule for the group gives, for a list whose rows do not say which source stated a membership.
    /// </summary>
    public FieldAccess GroupAccess(AccessRequest request, GroupId group, string? source, out string attribute)
    {
        var candidates = rules.Groups.Where(r => r.Group == group.Value && (source is null || r.Source == source)).ToList();
        attribute = candidates.FirstOrDefault()?.Attribute ?? "validFrom";
        if (candidates.Count == 0)
        {
            return FieldAccess.Hidden;
        }

        return candidates.Min(r => SourceId.TryParse(r.Source, out var id) ? renderer.Decide(request, id.Value, r.Attribute ?? "validFrom") : FieldAccess.Hidden);
    }

    /// <summary>The groups of <paramref name="groups"/> as the request may see them: the id when shown, <c>***</c> when masked.</summary>
    public IReadOnlyList<string> Groups(AccessRequest request, IEnumerable<GroupId> groups, DisclosureLog log)
    {
        var list = new List<string>();
        foreach (var group in groups.Distinct().OrderBy(g => g.Value, StringComparer.Ordinal))
        {
            var access = GroupAccess(request, group, null, out var attribute);
            if (access == FieldAccess.Hidden)
            {
                continue;
            }

            log.Disclose(attribute, access == FieldAccess.Masked);
            list.Add(access == FieldAccess.Shown ? group.Value : Hidden);
        }

        return list;
    }

    /// <summary>
    /// A person's status on a day (<c>active</c>, <c>deceased</c>, <c>movedOut</c>) and the date the register gives
    /// for it, as the request may see them: each decided by the policy as the status attribute and its date attribute
    /// of <paramref name="source"/>; both null when the status is unknown or hidden.
    /// </summary>
    public (string? Status, string? Date) Status(AccessRequest request, PersonStatus? status, DateOnly? date, string? source, DisclosureLog log)
    {
        if (status is not { } known || !SourceId.TryParse(source, out var id))
        {
            return (null, null);
        }

        var values = new Dictionary<string, FieldValue>(StringComparer.Ordinal)
        {
            [rules.PersonStatusAttribute] = new(ResidentStatusFilter.NameOf(known), id.Value),
        };
        var dateAttribute = known switch
        {
            PersonStatus.Deceased => rules.DeathDateAttribute,
            PersonStatus.MovedOut => rules.MovedOutOnAttribute,
            _ => null,
        };
        if (dateAttribute is not null && date is { } day)
        {
            values[dateAttribute] = new FieldValue(Day(day), id.Value);
        }

        var disclosure = renderer.Render(request, values);
        log.Disclose(disclosure.Fields);
        return (disclosure.Values.GetValueOrDefault(rules.PersonStatusAttribute), dateAttribute is null ? null : disclosure.Values.GetValueOrDefault(dateAttribute));
    }

    /// <summary>
    /// What <paramref name="request"/> is given of the status attribute: the least its authoritative sources give,
    /// or masked when the rules let any source state it (a list's filter cannot tell which source a row's status came from).
    /// </summary>
    public FieldAccess StatusAccess(AccessRequest request)
    {
        var rule = rules.RuleFor(rules.PersonStatusAttribute);
        if (rule.Survivorship != Survivorship.Authoritative || rule.Fallback != SurvivorshipFallback.None)
        {
            return FieldAccess.Masked;
        }

        return rule.Sources.Min(s => SourceId.TryParse(s, out var id) ? renderer.Decide(request, id.Value, rules.PersonStatusAttribute) : FieldAccess.Hidden);
    }

    /// <summary>What <paramref name="request"/> is given of one attribute of one source.</summary>
    public FieldAccess Decide(AccessRequest request, SourceId source, string attribute) => renderer.Decide(request, source, attribute);

    /// <summary>A name as the request may see it; null when hidden.</summary>
    public string? Name(AccessRequest request, string? name, string? source, DisclosureLog log)
    {
        if (name is null || !SourceId.TryParse(source, out var id))
        {
            return null;
        }

        var disclosure = renderer.Render(request, new Dictionary<string, FieldValue> { ["name"] = new(name, id.Value) });
        log.Disclose(disclosure.Fields);
        return disclosure.Values.GetValueOrDefault("name");
    }

    private JsonObject Place(AccessRequest request, Place place, string division, string? grid, string address, DisclosureLog log)
    {
        if (!SourceId.TryParse(place.Provenance.Source, out var source))
        {
            return [];
        }

        var values = new Dictionary<string, FieldValue>(StringComparer.Ordinal) { [division] = new(place.Division.Value, source.Value) };
        if (grid is not null && place.Grid is { } g)
        {
            values[grid] = new FieldValue(g, source.Value);
        }

        if (place.Address is { } a)
        {
            values[address] = new FieldValue(a, source.Value);
        }

        var disclosure = renderer.Render(request, values);
        log.Disclose(disclosure.Fields);
        var json = new JsonObject();
        var shownDivision = disclosure.Values.GetValueOrDefault(division);
        var shownGrid = grid is null ? null : disclosure.Values.GetValueOrDefault(grid);
        Put(json, "division", shownDivision);
        Put(json, "grid", shownGrid);
        Put(json, "address", disclosure.Values.GetValueOrDefault(address));

        // Names only for a code shown in full: a masked code's name would tell what the mask hides.
        if (shownDivision == place.Division.Value)
        {
            var names = DivisionNames.Of(divisions.Registry, place.Division, shownGrid);
            Put(json, "divisionName", names.Name);
            Put(json, "gridName", names.GridName);
            Put(json, "divisionPath", names.Path);
            Put(json, "currentDivision", names.Current);
        }

        return json;
    }

    private JsonArray Memberships(AccessRequest request, IReadOnlyList<Membership> memberships, DateOnly on, DisclosureLog log)
    {
        var list = new JsonArray();
        foreach (var membership in memberships)
        {
            var access = GroupAccess(request, membership.Group, membership.Source, out var attribute);
            if (access == FieldAccess.Hidden || !SourceId.TryParse(membership.Source, out var source))
            {
                continue;
            }

            log.Disclose(attribute, access == FieldAccess.Masked);
            if (access == FieldAccess.Masked)
            {
                var masked = new JsonObject { ["group"] = Hidden, ["active"] = membership.IsActiveOn(on) };
                Inactive(masked, membership, on);
                list.Add(masked);
                continue;
            }

            var details = renderer.Render(request, membership.Details.ToDictionary(d => d.Key, d => new FieldValue(d.Value, source.Value), StringComparer.Ordinal));
            log.Disclose(details.Fields);
            var json = new JsonObject
            {
                ["group"] = membership.Group.Value,
                ["source"] = membership.Source,
                ["validFrom"] = Day(membership.ValidFrom),
                ["lastDay"] = membership.LastDay is { } last ? Day(last) : null,
                ["active"] = membership.IsActiveOn(on),
            };
            Inactive(json, membership, on);
            json["details"] = Object(details.Values);
            list.Add(json);
        }

        return list;
    }

    // A department officer's own department's values where another source's survived: shown in full by the policy.
    private JsonObject OwnDepartmentValues(AccessRequest request, PersonProfile profile, SourceId department, DisclosureLog log)
    {
        var own = profile.Attributes
            .Where(a => a.Value.Provenance.Source != department.Value)
            .SelectMany(a => a.Value.Conflicts.Where(c => c.Provenance.Source == department.Value).Take(1).Select(c => (a.Key, c.Value)))
            .ToDictionary(a => a.Key, a => new FieldValue(a.Value, department), StringComparer.Ordinal);
        var disclosure = renderer.Render(request, own);
        log.Disclose(disclosure.Fields);
        return Object(disclosure.Values);
    }

    // A membership its source still states active but the Hub does not count, and why: the source's dates stay as sent.
    private static void Inactive(JsonObject json, Membership membership, DateOnly on)
    {
        if (membership.IsInactiveByDeathOn(on))
        {
            json["inactiveReason"] = "deceased";
        }
    }

    private static JsonObject Object(IReadOnlyDictionary<string, string> values)
    {
        var json = new JsonObject();
        foreach (var (key, value) in values)
        {
            json[key] = value;
        }

        return json;
    }

    private static void Put(JsonObject json, string key, string? value)
    {
        if (value is not null)
        {
            json[key] = value;
        }
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
