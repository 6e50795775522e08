using Hub.Core.Access.Residents;
using Hub.Core.Kernel;
using Hub.Core.Profiles;
using Hub.Core.Profiles.Facts;

namespace Hub.Core.Identity.Resolution;

/// <summary>
/// Builds golden profiles on read, from the facts as they stand: a person's own facts and those of every key linked to
/// them. No profile is stored, so a merge, a split or a new fact shows in the next read. A person is read from the copy of
/// their facts in their view row, written with the facts (a person of their own) or by the resolver (a golden person,
/// with their members' facts): one point read, and one more for a key linked elsewhere, whose view names the golden person.
/// </summary>
public sealed class ProfileReader
{
    private readonly FactStore _facts;
    private readonly PersonResolver _resolver;
    private readonly ResidentIndex _index;
    private readonly ProfileBuilder _builder;
    private readonly ProfileRules _rules;
    private readonly TimeProvider _time;

    internal ProfileReader(FactStore facts, PersonResolver resolver, ResidentIndex index, ProfileBuilder builder, ProfileRules rules, TimeProvider time)
    {
        _facts = facts;
        _resolver = resolver;
        _index = index;
        _builder = builder;
        _rules = rules;
        _time = time;
    }

    /// <summary>The golden profile <paramref name="key"/> belongs to (its own, or the person it was linked to); null when the Hub holds nothing about it.</summary>
    public async Task<PersonProfile?> ReadAsync(PersonKey key, CancellationToken cancellationToken = default)
    {
        // A key linked elsewhere names its golden person, whose view holds the profile: a second point read. A missing
        // view (data older than views), a marker (links changing) or a copy too large to keep: read the facts.
        var view = await _facts.ReadViewAsync(key, cancellationToken).ConfigureAwait(false);
        if (view?.LinkedGolden() is { } golden)
        {
            key = PersonKey.Parse(golden);
            view = await _facts.ReadViewAsync(key, cancellationToken).ConfigureAwait(false);
        }

        if (view?.ReadFacts() is { Count: > 0 } own)
        {
            return _builder.Build(key, own, _rules.DayOf(_time.GetUtcNow())) with
            {
                LinkedKeys = view.ReadMembers().Select(m => PersonKey.Parse(m)).ToList(),
                Provisional = !own.Any(f => f.Identified),
            };
        }

        var person = await _facts.ReadPersonAsync(key, cancellationToken).ConfigureAwait(false);
        if (person.IsLinkedElsewhere)
        {
            key = PersonKey.Parse(person.Golden);
            person = await _facts.ReadPersonAsync(key, cancellationToken).ConfigureAwait(false);
        }

        var all = await _resolver.ReadMembersAsync(person, cancellationToken).ConfigureAwait(false);
        if (all.Count == 0)
        {
            return null;
        }

        return _builder.Build(key, all, _rules.DayOf(_time.GetUtcNow())) with
        {
            LinkedKeys = person.Members.Select(m => PersonKey.Parse(m.Member)).OrderBy(k => k.Value, StringComparer.Ordinal).ToList(),
            Provisional = !all.Any(f => f.Identified),
        };
    }

    /// <summary>
    /// Every fact the Hub holds about the person <paramref name="key"/> belongs to, as each department sent it: their
    /// own facts and those of every key linked to them, ended ones included. Empty when the Hub holds nothing.
    /// </summary>
    public async Task<IReadOnlyList<FactView>> ReadFactsAsync(PersonKey key, CancellationToken cancellationToken = default)
    {
        var person = await _facts.ReadPersonAsync(key, cancellationToken).ConfigureAwait(false);
        if (person.IsLinkedElsewhere)
        {
            person = await _facts.ReadPersonAsync(PersonKey.Parse(person.Golden), cancellationToken).ConfigureAwait(false);
        }

        return await _resolver.ReadMembersAsync(person, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The household of <paramref name="key"/>: the golden persons with the same household key, found in the resident
    /// index of the household's registration street. Null when the person is unknown or has no household key.
    /// </summary>
    public async Task<HouseholdView?> ReadHouseholdAsync(PersonKey key, CancellationToken cancellationToken = default)
    {
        var profile = await ReadAsync(key, cancellationToken).ConfigureAwait(false);
        if (profile?.HouseholdKey is not { } household)
        {
            return null;
        }

        var street = (profile.Registration ?? profile.Residence)?.Division.Street;
        var others = street is null ? [] : await _index.HouseholdMembersAsync(street, household.Value, cancellationToken).ConfigureAwait(false);
        var members = new List<PersonProfile> { profile };
        foreach (var other in others.Where(o => o != profile.PersonKey))
        {
            if (await ReadAsync(other, cancellationToken).ConfigureAwait(false) is { } member && member.HouseholdKey == household)
            {
                members.Add(member);
            }
        }

        return HouseholdView.Create(members, _rules.DayOf(_time.GetUtcNow()));
    }
}
