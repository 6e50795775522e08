using System.Globalization;
using Hub.Core.Feeds.Sources;

namespace Hub.Cli.Drafting;

/// <summary>
/// Finds the column that keys the person: ID numbers by the header or by their values (valid check character, also
/// 15-digit legacy numbers), or an ID followed by a few digits (a 残疾人证号), taken with a pattern. Without one the
/// source declares <c>"identity": "none"</c>.
/// </summary>
internal static class IdentityStep
{
    private const string ResidentIdAttribute = "residentId";

    public static void Run(DraftState state)
    {
        var candidates = state.Open.Where(DraftState.IsNamed).Select(p => Candidate(state, p)).OfType<IdCandidate>()
            .OrderBy(c => c.Suffix > 0)
            .ThenBy(c => c.HeaderRank)
            .ThenByDescending(c => c.Share)
            .ThenBy(c => c.Profile.Number)
            .ToList();
        if (candidates.Count == 0)
        {
            state.Identity = SourceIdentity.None;
            var nearest = state.Profiles.Where(p => p.IdLike > 0).MaxBy(p => p.Share(p.IdLike));
            state.IdentityReason = "No column holds ID numbers: none has valid ID numbers (or an ID followed by a few digits) in "
                + $"{ColumnProfile.Percent(MappingDrafter.Recognised)} of its values"
                + (nearest is null ? string.Empty : $"; the most is {DraftState.Show(nearest)}, {nearest.Of(nearest.IdLike)}")
                + ". Records are matched by name, birth date, phone and division instead.";
            return;
        }

        var chosen = candidates[0];
        state.Identity = SourceIdentity.ResidentId;
        state.IdColumn = chosen.Profile;
        state.IdSuffix = chosen.Suffix;
        var known = state.Known(ResidentIdAttribute, FieldType.ResidentId);
        var field = DraftState.FieldFor(known, chosen.Profile.Column) with { Type = FieldType.ResidentId, Required = true };
        var reason = chosen.Suffix == 0 ? PlainReason(chosen) : SuffixReason(chosen);
        if (chosen.Suffix > 0)
        {
            field = field with { Pattern = string.Create(CultureInfo.InvariantCulture, $"^(?<id>.{{17}}[0-9Xx])[0-9]{{{chosen.Suffix}}}$") };
        }

        state.IdentityReason = $"The person is keyed by the ID numbers in {chosen.Profile.Column}.";
        state.Add(chosen.Profile, field, DraftOutcome.Mapped, reason, chosen.Profile.Number);
        if (chosen.Suffix > 0 && chosen.Header is { Attribute.Name: not ResidentIdAttribute } header)
        {
            // The whole number is an attribute of its own (a certificate number), beside the ID it holds.
            state.Add(chosen.Profile, DraftState.FieldFor(header.Attribute, chosen.Profile.Column), DraftOutcome.Mapped, $"{header.Reason}; the whole value is kept as it is", chosen.Profile.Number + 0.1);
        }

        foreach (var other in candidates.Skip(1).Where(c => c.Suffix == 0))
        {
            state.Ignore(other.Profile, $"it holds ID numbers too ({other.Profile.Of(other.Profile.IdLike)}), but only {chosen.Profile.Column} keys the person; map it as a text field with sensitivity l4 if the Hub should keep it");
        }
    }

    private static IdCandidate? Candidate(DraftState state, ColumnProfile profile)
    {
        var header = state.Knowledge.Match(profile.Column);
        var named = header?.Attribute.Name == ResidentIdAttribute;
        var needed = named ? MappingDrafter.Plausible : MappingDrafter.Recognised;
        var rank = named ? (header!.Exact ? 0 : 1) : header is null ? 3 : 2;
        if (profile.Share(profile.IdLike) >= needed)
        {
            return new IdCandidate(profile, header, 0, profile.Share(profile.IdLike), rank);
        }

        if (profile.IdSuffixes.Count > 0 && profile.IdSuffixes.MaxBy(s => s.Value) is var (length, count) && profile.Share(count) >= needed)
        {
            return new IdCandidate(profile, header, length, profile.Share(count), rank);
        }

        // A header that says ID number is taken even when its values are not (yet) ones: an empty column, say.
        return named && header!.Exact ? new IdCandidate(profile, header, 0, profile.Share(profile.IdLike), rank) : null;
    }

    private static string PlainReason(IdCandidate chosen)
    {
        var profile = chosen.Profile;
        var source = chosen.HeaderRank <= 1 ? chosen.Header!.Reason : "its values are ID numbers" + (chosen.Header is null ? " (the header says nothing the draft knows)" : $" (although {chosen.Header.Reason})");
        var unusable = profile.IdLike - profile.IdNumbers;
        return $"{source}; {profile.Of(profile.IdNumbers)} are valid ID numbers"
            + (profile.LegacyIds > 0 ? string.Create(CultureInfo.InvariantCulture, $", {profile.LegacyIds:N0} of them 15-digit numbers the Hub upgrades") : string.Empty)
            + (unusable > 0 ? string.Create(CultureInfo.InvariantCulture, $", and {unusable:N0} more look like one but are not usable (a wrong check character, scientific notation…): the Hub keeps such rows to match by their other fields") : string.Empty);
    }

    private static string SuffixReason(IdCandidate chosen) =>
        string.Create(CultureInfo.InvariantCulture, $"{chosen.Profile.Of(chosen.Profile.IdSuffixes[chosen.Suffix])} are a valid ID number followed by {chosen.Suffix} digit(s), as in a 残疾人证号; the pattern takes the ID (characters 1 to 18)");

    private sealed record IdCandidate(ColumnProfile Profile, HeaderMatch? Header, int Suffix, double Share, int HeaderRank);
}
