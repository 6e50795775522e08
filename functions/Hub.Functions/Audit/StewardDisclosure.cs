using Hub.Core.Profiles;

namespace Hub.Functions.Audit;

/// <summary>Accounts for a whole profile given to a data steward: every attribute, place part and membership detail, unmasked.</summary>
internal static class StewardDisclosure
{
    public static void Disclose(this AuditScope audit, PersonProfile profile)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(profile);
        audit.Touch(profile.PersonKey);
        foreach (var attribute in profile.Attributes.Keys)
        {
            audit.Disclose(attribute, masked: false);
        }

        foreach (var (place, prefix) in new[] { (profile.Residence, "residence"), (profile.Registration, "registration") })
        {
            if (place is not null)
            {
                audit.Disclose(prefix + "Division", masked: false);
                if (place.Grid is not null)
                {
                    audit.Disclose(prefix + "Grid", masked: false);
                }

                if (place.Address is not null)
                {
                    audit.Disclose(prefix + "Address", masked: false);
                }
            }
        }

        foreach (var detail in profile.Memberships.SelectMany(m => m.Details.Keys))
        {
            audit.Disclose(detail, masked: false);
        }
    }
}
