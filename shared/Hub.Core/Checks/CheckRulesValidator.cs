using System.Text.RegularExpressions;
using Hub.Core.Kernel;
using Hub.Core.Profiles;

namespace Hub.Core.Checks;

/// <summary>Checks a checks file: every error names the check and the key at fault, and says what would be right.</summary>
internal static partial class CheckRulesValidator
{
    /// <summary>The statuses a condition may ask for.</summary>
    public static readonly string[] Statuses = ["active", "deceased", "movedOut", "none"];

    public static IReadOnlyList<string> Validate(CheckRules rules, ProfileRules profiles)
    {
        var errors = new List<string>();
        var groups = profiles.Groups.Select(g => g.Group).ToHashSet(StringComparer.Ordinal);
        var groupSources = profiles.Groups.Select(g => g.Source).ToHashSet(StringComparer.Ordinal);
        if (rules.Checks is null || rules.Checks.Count == 0)
        {
            errors.Add("checks: lists no check");
            return errors;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (index, check) in rules.Checks.Index())
        {
            var at = check?.Id is { Length: > 0 } id ? $"checks[{id}]" : $"checks[{index}]";
            if (check is null)
            {
                errors.Add($"{at}: is null");
                continue;
            }

            if (check.Id is null || !IdPattern().IsMatch(check.Id))
            {
                errors.Add($"{at}.id: must be 2 to 60 lower-case letters, digits or hyphens, starting with a letter");
            }
            else if (!seen.Add(check.Id))
            {
                errors.Add($"{at}.id: is used by an earlier check; ids must be unique");
            }

            if (check.Title is null || string.IsNullOrWhiteSpace(check.Title.ZhCn) || string.IsNullOrWhiteSpace(check.Title.En))
            {
                errors.Add($"{at}.title: needs both \"zh-CN\" and \"en\"");
            }

            if (!SourceId.TryParse(check.Owner, out _))
            {
                errors.Add($"{at}.owner: must be a source id, e.g. civil-affairs");
            }

            ValidateCondition(check.When, at + ".when", groups, groupSources, errors);
        }

        return errors;
    }

    private static void ValidateCondition(CheckCondition? when, string at, HashSet<string> groups, HashSet<string> groupSources, List<string> errors)
    {
        if (when is null)
        {
            errors.Add($"{at}: is missing");
            return;
        }

        foreach (var status in when.Status ?? [])
        {
            if (!Statuses.Contains(status, StringComparer.Ordinal))
            {
                errors.Add($"{at}.status: '{status}' is none of {string.Join(", ", Statuses)}");
            }
        }

        if (when.Membership is not { } membership)
        {
            errors.Add($"{at}.membership: is missing; a check is about a membership its owner must review");
        }
        else
        {
            ValidateGroups(membership.Groups, $"{at}.membership.groups", groups, errors);
            foreach (var source in membership.Sources ?? [])
            {
                if (!groupSources.Contains(source))
                {
                    errors.Add($"{at}.membership.sources: '{source}' makes no membership in the profile rules");
                }
            }

            var afterStatus = membership.State == MembershipState.StatedActiveAfterStatus;
            var onlyDeathOrMove = when.Status is { Count: > 0 } statuses && statuses.All(s => s is "deceased" or "movedOut");
            if (afterStatus && !onlyDeathOrMove)
            {
                errors.Add($"{at}.membership.state: statedActiveAfterStatus needs \"status\" to list only deceased or movedOut");
            }

            if (!afterStatus && membership.Grace != StatusGrace.None)
            {
                errors.Add($"{at}.membership.grace: applies only to state statedActiveAfterStatus");
            }
        }

        if (when.Household is { } household)
        {
            ValidateGroups(household.OtherMemberIn, $"{at}.household.otherMemberIn", groups, errors);
        }
    }

    private static void ValidateGroups(IReadOnlyList<string>? listed, string at, HashSet<string> groups, List<string> errors)
    {
        if (listed is null || listed.Count == 0)
        {
            errors.Add($"{at}: lists no group");
            return;
        }

        foreach (var group in listed.Where(g => !groups.Contains(g)))
        {
            errors.Add($"{at}: '{group}' is no group of the profile rules (known: {string.Join(", ", groups.Order(StringComparer.Ordinal))})");
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{1,59}$")]
    private static partial Regex IdPattern();
}
