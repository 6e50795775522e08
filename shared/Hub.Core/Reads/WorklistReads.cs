using Hub.Core.Access;
using Hub.Core.Checks;
using Hub.Core.Kernel;

namespace Hub.Core.Reads;

/// <summary>
/// What users see of the worklist. A department's officer sees their department's items, street, community and grid
/// workers and district officers the items of people in their jurisdiction by residence or registration; each item is
/// rendered by the access policy exactly as a person read would render the same attributes, and accounted for.
/// </summary>
public sealed class WorklistReads
{
    private readonly PersonRenderer _renderer;
    private readonly PolicyRenderer _policy;
    private readonly CheckRules _checks;

    internal WorklistReads(PersonRenderer renderer, PolicyRenderer policy, CheckRules checks) =>
        (_renderer, _policy, _checks) = (renderer, policy, checks);

    /// <summary>The checks, to validate a rule filter.</summary>
    public CheckRules Checks => _checks;

    /// <summary>The index a viewer's list reads.</summary>
    public static WorklistScope ScopeOf(PersonViewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return IsDepartmentOfficer(viewer)
            ? new WorklistScope(viewer.User.Department, viewer.User.Division)
            : new WorklistScope(null, viewer.Jurisdiction.Division, viewer.Jurisdiction.Streets());
    }

    /// <summary>Whether the viewer may see <paramref name="item"/>: their department's, or of a person in their jurisdiction.</summary>
    public static bool Covers(PersonViewer viewer, WorklistItem item)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(item);
        var inside = viewer.Jurisdiction.Covers(item.Residence, item.Registration);
        return IsDepartmentOfficer(viewer) ? viewer.User.Department?.Value == item.Owner && inside : inside;
    }

    /// <summary>Whether the viewer may decide about items they see: the owner's officers, street officers, community workers and district officers.</summary>
    public static bool MayDecide(PersonViewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.User.Roles.Any(r => r is HubRoles.DepartmentOfficer or HubRoles.StreetOfficer or HubRoles.CommunityWorker or HubRoles.DistrictOfficer);
    }

    /// <summary>The items as <paramref name="viewer"/> may see them, with what they disclosed.</summary>
    public PersonRead<IReadOnlyList<RenderedWorklistItem>> Render(PersonViewer viewer, IEnumerable<WorklistItem> items)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(items);
        var log = new DisclosureLog();
        var request = viewer.Request;
        var rendered = new List<RenderedWorklistItem>();
        foreach (var item in items)
        {
            log.Touch(item.PersonKey);
            var title = _checks.Find(item.Rule)?.Title ?? new CheckTitle(item.Rule, item.Rule);
            rendered.Add(new RenderedWorklistItem(
                item.Id,
                item.Rule,
                title,
                item.Owner,
                item.PersonKey.Value,
                _renderer.Name(request, item.Name, item.NameSource, log),
                WorklistRows.StatusName(item.Status),
                item.OpenedAt,
                item.UpdatedAt,
                item.Streets,
                item.Evidence.Select(e => Evidence(request, e, log)).ToList(),
                item.History));
        }

        log.RecordCount = rendered.Count;
        return log.Answer<IReadOnlyList<RenderedWorklistItem>>(rendered);
    }

    /// <summary>Records that <paramref name="item"/> was asked for by a viewer outside it: a denied look at its person.</summary>
    public static PersonRead<RenderedWorklistItem> Denied(WorklistItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var log = new DisclosureLog();
        log.Deny(item.PersonKey);
        return log.Answer<RenderedWorklistItem>(null);
    }

    private RenderedEvidence Evidence(AccessRequest request, CheckEvidence evidence, DisclosureLog log)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        string? group = null;
        if (SourceId.TryParse(evidence.Source, out var source))
        {
            var disclosure = _policy.Render(request, evidence.Attributes.ToDictionary(a => a.Key, a => new FieldValue(a.Value, source.Value), StringComparer.Ordinal));
            log.Disclose(disclosure.Fields);
            foreach (var (attribute, value) in disclosure.Values)
            {
                attributes[attribute] = value;
            }
        }

        if (evidence.Group is { } known)
        {
            group = _renderer.Groups(request, [known], log) is [var shown, ..] ? shown : null;
        }

        if (evidence.Member is { } member)
        {
            log.Touch(member);
        }

        var kind = evidence.Kind switch
        {
            EvidenceKind.Status => "status",
            EvidenceKind.Membership => "membership",
            EvidenceKind.Household => "household",
            _ => "householdMember",
        };
        return new RenderedEvidence(kind, evidence.Source, evidence.Batch, evidence.AsOf, group, evidence.Member?.Value, attributes);
    }

    private static bool IsDepartmentOfficer(PersonViewer viewer) =>
        viewer.User.IsInRole(HubRoles.DepartmentOfficer) && viewer.User.Department is not null;
}
