using System.Globalization;
using System.Text;
using System.Text.Json;
using Hub.Core.Identity.Keys;
using Hub.Core.Identity.Matching;
using Hub.Core.Kernel;
using Hub.Core.Profiles;
using Hub.Core.Protection;
using Hub.Core.Storage;

namespace Hub.Core.Access.Residents;

/// <summary>
/// Derives a golden person's resident-index rows from their facts: one row per place of the profile, one candidate
/// index entry per blocking key of their current records (<see cref="CandidateSearch"/>), each with the person's match
/// records, and, while the person is provisional, one <see cref="ProvisionalSearch"/> row per blocking key. Pure:
/// the same facts and day give the same rows, which is how the merge knows which rows a person had before a change.
/// The match records hold ID numbers: each row carries them sealed for the person (<see cref="DerivedSeal"/>), which
/// seals the same records to the same text, so rows stay comparable.
/// </summary>
internal sealed class ResidentRowBuilder(ProfileBuilder profiles, PersonKeyHasher hasher, KeyRing keys)
{
    private readonly DerivedSeal _records = new(keys, "match-records");

    /// <summary>The attributes candidate scoring reads (<see cref="MatchRecord.FromAttributes"/>); a row stores only these.</summary>
    private static readonly string[] MatchAttributes =
    [
        "name", "birthDate", "sex", "residenceDivision", "registrationDivision", "residenceAddress", "phone", "residentId", "residentIdAsSent", "disabilityCertificate",
    ];

    /// <summary>The rows of <paramref name="golden"/>, whose records (their own and their members') are <paramref name="facts"/>.</summary>
    public IReadOnlyList<ResidentEntity> Build(PersonKey golden, IReadOnlyList<FactView> facts, DateOnly today)
    {
        if (facts.Count == 0)
        {
            return [];
        }

        var profile = profiles.Build(golden, facts, today);
        var records = Current(facts)
            .Select(f => new SortedDictionary<string, string>(MatchValues(f), StringComparer.Ordinal))
            .Select(r => (Record: r, Json: JsonSerializer.Serialize(r, StorageJson.Options)))
            .DistinctBy(r => r.Json, StringComparer.Ordinal)
            .OrderBy(r => r.Json, StringComparer.Ordinal)
            .Select(r => r.Record)
            .ToList();
        // In a fixed order, so the same facts give the same row whatever order they were read in.
        var recordsJson = _records.Seal(JsonSerializer.Serialize(records, StorageJson.Options), golden.Value);
        var blocking = records
            .SelectMany(r => BlockingKeys.For(ToMatchRecord(r)))
            .Distinct(StringComparer.Ordinal)
            .Select(k =>
            {
                var hash = Hash(k);
                return (Hash: hash, Token: CandidateSearch.Token(k, hash));
            })
            .OrderBy(k => k.Hash, StringComparer.Ordinal)
            .ToList();

        var rows = new List<ResidentEntity>();
        var places = new List<(Place Place, string Kinds)>();
        foreach (var (place, kind) in new[] { (profile.Residence, "residence"), (profile.Registration, "registration") })
        {
            if (place is null)
            {
                continue;
            }

            var same = places.FindIndex(p => p.Place.Division == place.Division && p.Place.Grid == place.Grid);
            if (same >= 0)
            {
                places[same] = (places[same].Place, places[same].Kinds + "," + kind);
            }
            else
            {
                places.Add((place, kind));
            }
        }

        var memberships = string.Join(';', profile.Memberships.Select(m => string.Create(
            CultureInfo.InvariantCulture,
            $"{m.Group.Value}:{m.ValidFrom:yyyy-MM-dd}:{m.LastDay:yyyy-MM-dd}")));
        var identified = facts.Any(f => f.Identified);
        var name = profile.Attributes.GetValueOrDefault("name");
        foreach (var (place, kinds) in places)
        {
            var street = place.Division.Street;
            rows.Add(Row(street, $"{place.Division.Value[9..]}|{place.Grid ?? "-"}|{golden.Value}", kinds, DistinctFrom(places[0].Place, place)));
        }

        rows.AddRange(blocking.Select(k => CandidateIndex.Entry(k.Token, golden.Value, recordsJson)));
        if (!identified)
        {
            foreach (var hash in blocking.Select(k => k.Hash))
            {
                rows.Add(new ResidentEntity
                {
                    PartitionKey = ProvisionalSearch.Partition(hash),
                    RowKey = ProvisionalSearch.RowKey(hash, golden.Value),
                    PersonKey = golden.Value,
                    Identified = false,
                    Records = recordsJson,
                });
            }
        }

        return rows;

        ResidentEntity Row(string street, string rowKey, string kinds, int distinctFrom) =>
            new()
            {
                PartitionKey = street,
                RowKey = rowKey,
                PersonKey = golden.Value,
                Places = kinds,
                DistinctFrom = distinctFrom,
                Identified = identified,
                Memberships = memberships,
                HouseholdKey = profile.HouseholdKey?.Value,
                Name = name?.Value,
                NameSource = name?.Provenance.Source,
                Status = profile.Status?.ToString().ToLowerInvariant(),
                StatusDate = Day(profile.StatusDate),
                StatusSince = Day(profile.StatusSince),
                StatusSource = profile.StatusProvenance?.Source,
                Records = recordsJson,
            };
    }

    /// <summary>The hashed blocking keys of the records among <paramref name="facts"/> that rows are built from.</summary>
    public IEnumerable<string> BlockHashes(IReadOnlyList<FactView> facts) =>
        Current(facts).SelectMany(f => BlockingKeys.For(ToMatchRecord(MatchValues(f)))).Distinct(StringComparer.Ordinal).Select(Hash);

    /// <summary>
    /// The keyed hash a blocking key is stored and searched as, the key itself being personal data: provisional search
    /// rows (<see cref="ProvisionalSearch"/>) are keyed by it, the candidate index by its token (<see cref="Token"/>).
    /// </summary>
    public string Hash(string blockingKey) => Convert.ToHexStringLower(hasher.KeyedHash(Encoding.UTF8.GetBytes(blockingKey)).AsSpan(0, 8));

    /// <summary>The token a blocking key is filed and looked up under in the candidate index (<see cref="CandidateSearch.Token"/>).</summary>
    public string Token(string blockingKey) => CandidateSearch.Token(blockingKey, Hash(blockingKey));

    /// <summary>Reads the match records a row of <paramref name="person"/> carries (sealed, or in clear as rows were written before sealing).</summary>
    public IReadOnlyList<MatchRecord> ReadRecords(string person, string stored)
    {
        var json = DerivedSeal.IsSealed(stored) ? _records.Open(stored, person) : stored;
        return (JsonSerializer.Deserialize<List<Dictionary<string, string>>>(json, StorageJson.Options) ?? []).Select(ToMatchRecord).ToList();
    }

    /// <summary>The match record of a record's attributes, with the ID as sent, as evidence, when the record had no usable one.</summary>
    public static MatchRecord ToMatchRecord(IReadOnlyDictionary<string, string> attributes) =>
        MatchRecord.FromAttributes(attributes, residentIdText: null);

    // The records a person's rows stand for: the current ones, or every one when all have ended.
    private static IReadOnlyList<FactView> Current(IReadOnlyList<FactView> facts)
    {
        var current = facts.Where(f => f.EndedAt is null).ToList();
        return current.Count > 0 ? current : facts;
    }

    private static Dictionary<string, string> MatchValues(FactView fact) =>
        MatchAttributes.Where(a => fact.ValueOf(a) is not null).ToDictionary(a => a, a => fact.ValueOf(a)!, StringComparer.Ordinal);

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static int DistinctFrom(Place first, Place place)
    {
        if (ReferenceEquals(first, place))
        {
            return 0;
        }

        foreach (var length in new[] { 2, 4, 6, 9, 12 })
        {
            if (!first.Division.Value.AsSpan(0, length).SequenceEqual(place.Division.Value.AsSpan(0, length)))
            {
                return length;
            }
        }

        return 13;
    }
}
