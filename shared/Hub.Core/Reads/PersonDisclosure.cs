using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Hub.Core.Access;
using Hub.Core.Access.Residents;
using Hub.Core.Divisions;
using Hub.Core.Identity.Resolution;
using Hub.Core.Kernel;
using Hub.Core.Profiles;
using Hub.Core.Storage;

namespace Hub.Core.Reads;

/// <summary>
/// What a user is given of persons, and what that discloses: reads the profile built on read, keeps to the user's
/// jurisdiction (outside it a person is the same "nobody" as an unknown one, and the read is denied), raises a look
/// to break-glass while the user holds a grant, and renders through the access policy. Each read answers with what it
/// disclosed (<see cref="Disclosed"/>), which the caller records as the request's one audit event.
/// </summary>
public sealed class PersonDisclosure
{
    private readonly AccessPolicy _policy;
    private readonly ProfileReader _profiles;
    private readonly BreakGlassGrants _grants;
    private readonly PersonRenderer _renderer;
    private readonly ProfileRules _rules;
    private readonly TimeProvider _time;
    private readonly DivisionDirectory? _divisions;

    internal PersonDisclosure(AccessPolicy policy, ProfileReader profiles, BreakGlassGrants grants, PersonRenderer renderer, ProfileRules rules, TimeProvider time, DivisionDirectory? divisions = null)
    {
        _divisions = divisions;
        _policy = policy;
        _profiles = profiles;
        _grants = grants;
        _renderer = renderer;
        _rules = rules;
        _time = time;
    }

    /// <summary>The access policy reads are rendered by.</summary>
    public AccessPolicy Policy => _policy;

    /// <summary>Today in the Hub's calendar, the day memberships are shown as active on.</summary>
    public DateOnly Today => _rules.DayOf(_time.GetUtcNow());

    /// <summary>Starts a look for the user <paramref name="principal"/> describes, with the purpose they declared.</summary>
    public ViewerStart Start(ClaimsPrincipal principal, string? purpose)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return PersonViewer.Start(principal, _policy, purpose, _divisions?.Registry);
    }

    /// <summary>The profile of <paramref name="key"/> when it lies in the viewer's jurisdiction.</summary>
    public async Task<PersonRead<PersonProfile>> ReadAsync(PersonViewer viewer, PersonKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var log = new DisclosureLog();
        return log.Answer(await ReadInsideAsync(viewer, key, log, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>A person's detail as the viewer may see it (the shape of the API's rendered person).</summary>
    public async Task<PersonRead<JsonObject>> DetailAsync(PersonViewer viewer, PersonKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var log = new DisclosureLog();

        // The grant check is a point read of its own: asked beside the profile's read, not after it, it adds no round
        // trip. A key linked to another golden person is asked again under the golden key.
        var grant = viewer.MayBreakGlass(_policy) ? _grants.CurrentAsync(key, viewer.User.Subject, cancellationToken) : null;
        if (await ReadInsideAsync(viewer, key, log, cancellationToken).ConfigureAwait(false) is not { } profile)
        {
            await ObserveAsync(grant).ConfigureAwait(false);
            return log.Answer<JsonObject>(null);
        }

        var request = await RequestForAsync(viewer, profile.PersonKey, log, profile.PersonKey == key ? grant : null, cancellationToken).ConfigureAwait(false);
        var json = _renderer.Person(request, profile, Today, log);
        if (request.BreakGlass)
        {
            json["breakGlass"] = true;
        }

        log.RecordCount = 1;
        return log.Answer(json);
    }

    /// <summary>
    /// The household of a person in the viewer's jurisdiction, each member rendered as the viewer may see them;
    /// members outside the jurisdiction are left out, and so are household flags, which would speak for them.
    /// </summary>
    public async Task<PersonRead<JsonObject>> HouseholdAsync(PersonViewer viewer, PersonKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var log = new DisclosureLog();
        if (await ReadInsideAsync(viewer, key, log, cancellationToken).ConfigureAwait(false) is not { } profile)
        {
            return log.Answer<JsonObject>(null);
        }

        var household = await _profiles.ReadHouseholdAsync(profile.PersonKey, cancellationToken).ConfigureAwait(false);
        var members = new JsonArray();
        foreach (var member in household?.Members ?? [])
        {
            if (!viewer.Covers(member.Profile))
            {
                continue;
            }

            log.Touch(member.PersonKey);
            var request = member.PersonKey == profile.PersonKey
                ? await RequestForAsync(viewer, member.PersonKey, log, asked: null, cancellationToken).ConfigureAwait(false)
                : viewer.Request;
            members.Add(_renderer.Person(request, member.Profile, Today, log));
        }

        if (members.Count == 0)
        {
            var request = await RequestForAsync(viewer, profile.PersonKey, log, asked: null, cancellationToken).ConfigureAwait(false);
            members.Add(_renderer.Person(request, profile, Today, log));
        }

        log.RecordCount = members.Count;
        return log.Answer(new JsonObject
        {
            ["householdKey"] = profile.HouseholdKey?.Value,
            ["on"] = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["members"] = members,
        });
    }

    /// <summary>
    /// Grants the viewer break-glass access to a person in their jurisdiction for the policy's duration, with
    /// <paramref name="reason"/>; null when the person is unknown or outside. The caller checks the viewer's role and the reason.
    /// </summary>
    public async Task<PersonRead<BreakGlassGrant>> BreakGlassAsync(PersonViewer viewer, PersonKey key, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var log = new DisclosureLog();
        if (await ReadInsideAsync(viewer, key, log, cancellationToken).ConfigureAwait(false) is not { } profile)
        {
            return log.Answer<BreakGlassGrant>(null);
        }

        var grant = await _grants.GrantAsync(profile.PersonKey, viewer.User.Subject, reason, cancellationToken).ConfigureAwait(false);
        log.BreakGlassReason = grant.Reason;
        log.BreakGlassPurpose = _policy.BreakGlass.Purpose;
        log.RecordCount = 1;
        return log.Answer(grant);
    }

    /// <summary>
    /// The residents of a list page as the viewer may see them: names, statuses on <paramref name="day"/> with their
    /// dates, and the groups their sources state active on that day (a deceased person's too: what still runs is
    /// what a street office must stop).
    /// </summary>
    public PersonRead<IReadOnlyList<ResidentDisclosure>> Residents(PersonViewer viewer, IEnumerable<ListedResident> residents, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(residents);
        var log = new DisclosureLog();
        var request = viewer.Request;
        var items = new List<ResidentDisclosure>();
        foreach (var resident in residents)
        {
            log.Touch(resident.PersonKey);
            var groups = resident.Memberships.Where(m => m.IsActiveOn(day)).Select(m => m.Group);
            var name = _renderer.Name(request, resident.Name, resident.NameSource, log);
            var statusOn = resident.StatusOn(day);
            var (status, date) = _renderer.Status(request, statusOn, statusOn is PersonStatus.Active ? null : resident.Status?.Date, resident.Status?.Source, log);
            items.Add(new ResidentDisclosure(resident, name, _renderer.Groups(request, groups, log), status, date));
        }

        log.RecordCount = items.Count;
        return log.Answer<IReadOnlyList<ResidentDisclosure>>(items);
    }

    /// <summary>
    /// What the viewer is given of group <paramref name="group"/>: the least any source's rule for the group gives, and
    /// the attribute that decides it.
    /// </summary>
    public FieldAccess GroupAccess(PersonViewer viewer, GroupId group, out string attribute)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return _renderer.GroupAccess(viewer.Request, group, source: null, out attribute);
    }

    /// <summary>What the viewer is given of a person's status, which a list filter on it would reveal.</summary>
    public FieldAccess StatusAccess(PersonViewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return _renderer.StatusAccess(viewer.Request);
    }

    /// <summary>What the viewer is given of one attribute as stated by <paramref name="source"/>; masked when the source is unknown.</summary>
    public FieldAccess Decide(PersonViewer viewer, string? source, string attribute)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return SourceId.TryParse(source, out var id) ? _renderer.Decide(viewer.Request, id.Value, attribute) : FieldAccess.Masked;
    }

    // The profile when it lies inside the jurisdiction; null for an unknown person and for one outside, a denied look.
    private async Task<PersonProfile?> ReadInsideAsync(PersonViewer viewer, PersonKey key, DisclosureLog log, CancellationToken cancellationToken)
    {
        var profile = await _profiles.ReadAsync(key, cancellationToken).ConfigureAwait(false);
        if (profile is null)
        {
            log.Touch(key);
            return null;
        }

        if (!viewer.Covers(profile))
        {
            log.Deny(key);
            return null;
        }

        log.Touch(profile.PersonKey);
        return profile;
    }

    // The request for a look at a person: raised when the viewer holds a break-glass grant for them (and may break the
    // glass), which the log then carries. The grant read already under way is awaited rather than asked again.
    private async Task<AccessRequest> RequestForAsync(PersonViewer viewer, PersonKey person, DisclosureLog log, Task<BreakGlassGrant?>? asked, CancellationToken cancellationToken)
    {
        if (!viewer.MayBreakGlass(_policy)
            || await (asked ?? _grants.CurrentAsync(person, viewer.User.Subject, cancellationToken)).ConfigureAwait(false) is not { } grant)
        {
            return viewer.Request;
        }

        log.BreakGlassReason = grant.Reason;
        log.BreakGlassPurpose = _policy.BreakGlass.Purpose;
        return new AccessRequest(viewer.User, viewer.Purpose ?? Purpose.Parse(_policy.BreakGlass.Purpose), BreakGlass: true);
    }

    // The answer is "nobody" whatever the grant says; a failed grant read must not turn it into an error.
    private static async Task ObserveAsync(Task<BreakGlassGrant?>? grant)
    {
        if (grant is null)
        {
            return;
        }

        try
        {
            await grant.ConfigureAwait(false);
        }
        catch (Exception ex) when (StorageFailures.IsStorageFailure(ex, out _))
        {
        }
    }
}
