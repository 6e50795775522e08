using System.Text.Json.Nodes;
using Hub.Core.Access;
using Hub.Core.Identity.Resolution;
using Hub.Core.Kernel;
using Hub.Core.Profiles;
using Hub.Functions.Audit;

namespace Hub.Functions.Persons;

/// <summary>
/// Reads and renders persons and households for a <see cref="PersonLook"/>: the profile built on read, the
/// jurisdiction check, break-glass grants, and the policy's rendering, each accounted for in the audit scope.
/// </summary>
internal sealed class PersonReading(AccessPolicy policy, ProfileReader profiles, BreakGlassGrants grants, PersonRendering rendering, ProfileRules rules, TimeProvider time)
{
    public AccessPolicy Policy => policy;

    public PersonRendering Rendering => rendering;

    public BreakGlassGrants Grants => grants;

    /// <summary>Today in the Hub's calendar, the day memberships are shown as active on.</summary>
    public DateOnly Today => rules.DayOf(time.GetUtcNow());

    /// <summary>The person inside the look's jurisdiction, or null (unknown, or outside and recorded as denied).</summary>
    public Task<PersonProfile?> ReadAsync(PersonLook look, PersonKey key, AuditScope audit, CancellationToken cancellationToken) =>
        look.ReadAsync(profiles, key, audit, cancellationToken);

    /// <summary>A person's detail as the look may see it; null when the person is unknown or outside the jurisdiction.</summary>
    public async Task<JsonObject?> DetailAsync(PersonLook look, PersonKey key, AuditScope audit, CancellationToken cancellationToken)
    {
        // The grant check is a point read of its own: asked beside the profile's read, not after it, it adds no round
        // trip. A key linked to another golden person is asked again under the golden key.
        var grant = look.MayBreakGlass(policy) ? grants.CurrentAsync(key, look.User.Subject, cancellationToken) : null;
        if (await look.ReadAsync(profiles, key, audit, cancellationToken) is not { } profile)
        {
            await ObserveAsync(grant);
            return null;
        }

        var request = await look.RequestForAsync(grants, policy, profile.PersonKey, audit, profile.PersonKey == key ? grant : null, cancellationToken);
        var json = rendering.Person(request, profile, Today, audit);
        if (request.BreakGlass)
        {
            json["breakGlass"] = true;
        }

        audit.RecordCount = 1;
        return json;
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
            await grant;
        }
        catch (Azure.RequestFailedException)
        {
        }
    }

    /// <summary>
    /// The household of a person inside the jurisdiction, each member rendered as the look may see them; members
    /// outside the jurisdiction are left out, and so are household flags, which would speak for them.
    /// </summary>
    public async Task<JsonObject?> HouseholdAsync(PersonLook look, PersonKey key, AuditScope audit, CancellationToken cancellationToken)
    {
        if (await look.ReadAsync(profiles, key, audit, cancellationToken) is not { } profile)
        {
            return null;
        }

        var household = await profiles.ReadHouseholdAsync(profile.PersonKey, cancellationToken);
        var members = new JsonArray();
        foreach (var member in household?.Members ?? [])
        {
            if (!look.Covers(member.Profile))
            {
                continue;
            }

            audit.Touch(member.PersonKey);
            var request = member.PersonKey == profile.PersonKey
                ? await look.RequestForAsync(grants, policy, member.PersonKey, audit, cancellationToken)
                : look.Request;
            members.Add(rendering.Person(request, member.Profile, Today, audit));
        }

        if (members.Count == 0)
        {
            members.Add(rendering.Person(await look.RequestForAsync(grants, policy, profile.PersonKey, audit, cancellationToken), profile, Today, audit));
        }

        audit.RecordCount = members.Count;
        return new JsonObject
        {
            ["householdKey"] = profile.HouseholdKey?.Value,
            ["on"] = Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["members"] = members,
        };
    }
}
