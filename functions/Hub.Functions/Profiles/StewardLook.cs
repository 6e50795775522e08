using Hub.Core.Access;
using Hub.Core.Divisions;
using Hub.Core.Identity.Resolution;
using Hub.Core.Identity.Rotation;
using Hub.Core.Kernel;
using Hub.Core.Profiles;
using Hub.Functions.Audit;

namespace Hub.Functions.Profiles;

/// <summary>
/// A data steward's reach. Stewards are placed like everyone else: they read and decide about the persons whose
/// residence or registration lies in their division's subtree, so a street's steward sees their street and the
/// city's steward the whole city. A person the Hub cannot place at all (a record without a division) is the city's:
/// stewards placed at a city or province reach them too. Outside the reach a person is "not found", exactly as one
/// the Hub does not know, and the attempt is audited as denied. The reach follows the division registry: a steward of a
/// merged street's successor reaches those filed under the old code, and one still placed at the old code reaches the successor.
/// </summary>
internal sealed class StewardLook
{
    private readonly Jurisdiction _jurisdiction;
    private readonly bool _citywide;
    private readonly ProfileReader _profiles;

    private StewardLook(HubUser user, ProfileReader profiles, DivisionRegistry divisions)
    {
        _jurisdiction = Jurisdiction.Of(user, divisions);
        _citywide = user.Division.Level is DivisionLevel.Province or DivisionLevel.City;
        _profiles = profiles;
    }

    /// <summary>The look of the steward of <paramref name="context"/> (the route's policy has checked they can be placed).</summary>
    public static StewardLook Of(HttpContext context, ProfileReader profiles)
    {
        ArgumentNullException.ThrowIfNull(context);
        return HubUser.TryRead(context.User, out var user, out _)
            ? new StewardLook(user, profiles, context.RequestServices.GetRequiredService<DivisionDirectory>().Registry)
            : throw new InvalidOperationException("The steward policy let through an identity the Hub cannot place.");
    }

    /// <summary>Whether <paramref name="profile"/> lies within the steward's reach.</summary>
    public bool Covers(PersonProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return _jurisdiction.Covers(profile) || (_citywide && profile.Residence is null && profile.Registration is null);
    }

    /// <summary>
    /// The profile of <paramref name="key"/> when it lies within reach; null for an unknown person and for one outside,
    /// which <paramref name="audit"/> records as denied.
    /// </summary>
    public async Task<PersonProfile?> ReadAsync(PersonKey key, AuditScope audit, CancellationToken cancellationToken) =>
        Judge(key, await _profiles.ReadAsync(key, cancellationToken), audit);

    /// <summary>
    /// As <see cref="ReadAsync"/>, following a pepper rotation: a key from before it reads the person at the key it moved
    /// to, which is returned with the profile.
    /// </summary>
    public async Task<(PersonKey Key, PersonProfile? Profile)> ReadFollowingAsync(PersonKey key, PersonKeyRotation rotation, AuditScope audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rotation);
        var profile = await _profiles.ReadAsync(key, cancellationToken);
        if (profile is null && await rotation.MovedToAsync(key, cancellationToken) is { } moved && await _profiles.ReadAsync(moved, cancellationToken) is { } found)
        {
            (key, profile) = (moved, found);
        }

        return (key, Judge(key, profile, audit));
    }

    /// <summary>
    /// As <see cref="ReadAsync"/>, by ID number: at the current pepper's key, then, while a rotation runs, at the retired
    /// pepper's (a person not moved yet).
    /// </summary>
    public async Task<PersonProfile?> ReadByIdAsync(ResidentId id, PersonKeyRotation rotation, AuditScope audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rotation);
        var keys = rotation.KeysOf(id);
        foreach (var key in keys)
        {
            if (await _profiles.ReadAsync(key, cancellationToken) is { } profile)
            {
                return Judge(key, profile, audit);
            }
        }

        return Judge(keys[0], null, audit);
    }

    // The profile when it lies within reach; null for an unknown person and for one outside, which is audited as denied.
    private PersonProfile? Judge(PersonKey key, PersonProfile? profile, AuditScope audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        if (profile is not null && !Covers(profile))
        {
            audit.Deny(key);
            return null;
        }

        audit.Touch(key);
        return profile;
    }

    /// <summary>
    /// Whether the steward may decide about every one of <paramref name="keys"/>: each is unknown (the decision then
    /// answers "unknown key" itself) or within reach. A key out of reach makes <paramref name="audit"/> a denial.
    /// </summary>
    public async Task<bool> MayDecideAsync(IReadOnlyList<PersonKey> keys, AuditScope audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(audit);
        foreach (var key in keys)
        {
            if (await _profiles.ReadAsync(key, cancellationToken) is { } profile && !Covers(profile))
            {
                audit.Deny(key);
                return false;
            }

            audit.Touch(key);
        }

        return true;
    }
}
