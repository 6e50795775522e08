using Hub.Core.Kernel;

namespace Hub.Core.Access;

/// <summary>Checks an access policy; every error starts with the key it is about.</summary>
internal static class AccessPolicyValidator
{
    public static IReadOnlyList<string> Validate(AccessPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var errors = new List<string>();
        ValidateRoles(errors, policy.Roles ?? new Dictionary<string, LevelAccess>());

        if (policy.ConditionalWithoutPurpose is not (FieldAccess.Hidden or FieldAccess.Masked))
        {
            errors.Add("conditionalWithoutPurpose: must be hidden or masked; a conditional attribute is never shown without a purpose");
        }

        var purposes = policy.Purposes ?? [];
        for (var i = 0; i < purposes.Count; i++)
        {
            if (purposes[i] is not { } purpose)
            {
                errors.Add($"purposes[{i}]: must not be null");
                continue;
            }

            if (!Purpose.TryParse(purpose.Id, out _))
            {
                errors.Add($"purposes[{i}].id: '{purpose.Id}' is not a purpose id (2 to 40 lower-case letters, digits or hyphens, starting with a letter)");
            }

            if (string.IsNullOrWhiteSpace(purpose.Label))
            {
                errors.Add($"purposes[{i}].label: must not be empty; users choose a purpose by its label");
            }
        }

        if (purposes.Count == 0)
        {
            errors.Add("purposes: must list at least one purpose, or no conditional attribute could ever be given");
        }

        foreach (var duplicate in purposes.Where(p => p is not null).GroupBy(p => p.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"purposes: '{duplicate.Key}' is listed twice");
        }

        foreach (var (attribute, mask) in policy.Masks ?? new Dictionary<string, MaskKind>())
        {
            if (!Enum.IsDefined(mask))
            {
                errors.Add($"masks.{attribute}: is not a known mask");
            }
        }

        ValidateBreakGlass(errors, policy.BreakGlass, purposes);
        ValidateSubjectRequests(errors, policy.SubjectRequests, purposes);
        ValidateDataQuality(errors, policy.DataQuality);
        return errors;
    }

    private static void ValidateRoles(List<string> errors, IReadOnlyDictionary<string, LevelAccess> roles)
    {
        foreach (var role in roles.Keys.Where(r => !HubRoles.PersonalRoles.Contains(r)))
        {
            errors.Add($"roles.{role}: is not a Hub role ({string.Join(", ", HubRoles.PersonalRoles)})");
        }

        foreach (var role in HubRoles.PersonalRoles)
        {
            if (!roles.TryGetValue(role, out var row) || row is null)
            {
                errors.Add($"roles.{role}: is missing; the policy must say what every role is given of every level");
                continue;
            }

            foreach (var level in Enum.GetValues<Sensitivity>())
            {
                var key = $"roles.{role}.{level.ToString().ToLowerInvariant()}";
                if (row[level] is not { } access)
                {
                    errors.Add($"{key}: is missing (hidden, masked or shown)");
                }
                else if (!Enum.IsDefined(access))
                {
                    errors.Add($"{key}: is not hidden, masked or shown");
                }
                else if (HubRoles.WithoutPersonData.Contains(role) && access != FieldAccess.Hidden)
                {
                    errors.Add($"{key}: must be hidden; auditors and administrators see no person data");
                }
            }
        }
    }

    private static void ValidateBreakGlass(List<string> errors, BreakGlassSettings? breakGlass, IReadOnlyList<PurposeDefinition> purposes)
    {
        if (breakGlass is null)
        {
            errors.Add("breakGlass: must not be null");
            return;
        }

        if (breakGlass.Duration < TimeSpan.FromMinutes(1) || breakGlass.Duration > TimeSpan.FromHours(24))
        {
            errors.Add("breakGlass.duration: must be between 00:01:00 and 24:00:00");
        }

        foreach (var role in breakGlass.Roles ?? [])
        {
            if (HubRoles.WithoutPersonData.Contains(role))
            {
                errors.Add($"breakGlass.roles: '{role}' may not break the glass; auditors and administrators see no person data");
            }
            else if (!HubRoles.PersonalRoles.Contains(role))
            {
                errors.Add($"breakGlass.roles: '{role}' is not a Hub role");
            }
        }

        if (breakGlass.ElevatesTo is not (FieldAccess.Masked or FieldAccess.Shown))
        {
            errors.Add("breakGlass.elevatesTo: must be masked or shown");
        }

        if (!Enum.IsDefined(breakGlass.UpToLevel))
        {
            errors.Add("breakGlass.upToLevel: must be l1, l2, l3 or l4");
        }

        if (!purposes.Any(p => p?.Id == breakGlass.Purpose))
        {
            errors.Add($"breakGlass.purpose: '{breakGlass.Purpose}' is not one of the listed purposes");
        }
    }

    private static void ValidateSubjectRequests(List<string> errors, SubjectRequestSettings? requests, IReadOnlyList<PurposeDefinition> purposes)
    {
        if (requests is null)
        {
            errors.Add("subjectRequests: must not be null");
            return;
        }

        foreach (var role in requests.Roles ?? [])
        {
            if (HubRoles.WithoutPersonData.Contains(role))
            {
                errors.Add($"subjectRequests.roles: '{role}' may not handle a resident's requests; auditors and administrators see no person data");
            }
            else if (!HubRoles.PersonalRoles.Contains(role))
            {
                errors.Add($"subjectRequests.roles: '{role}' is not a Hub role");
            }
        }

        // A policy that names no handlers takes no such requests, and needs none of their purposes.
        foreach (var (key, purpose) in new[] { ("reportPurpose", requests.ReportPurpose), ("correctionPurpose", requests.CorrectionPurpose) })
        {
            if (requests.Roles is { Count: > 0 } && !purposes.Any(p => p?.Id == purpose))
            {
                errors.Add($"subjectRequests.{key}: '{purpose}' is not one of the listed purposes");
            }
        }
    }

    private static void ValidateDataQuality(List<string> errors, DataQualitySettings? quality)
    {
        if (quality is null)
        {
            errors.Add("dataQuality: must not be null");
            return;
        }

        foreach (var (key, roles) in new[] { ("departmentRoles", quality.DepartmentRoles), ("cityRoles", quality.CityRoles) })
        {
            foreach (var role in (roles ?? []).Where(r => !HubRoles.PersonalRoles.Contains(r)))
            {
                errors.Add($"dataQuality.{key}: '{role}' is not a Hub role");
            }
        }
    }
}
