using Azure.Data.Tables;
using Hub.Core.Facts;
using Hub.Core.Identity;
using Hub.Core.Storage;

namespace Hub.Core.Profiles;

/// <summary>
/// Keeps profiles in step with facts: after a batch changes facts in a partition, the changed persons' profiles are
/// built again from all their facts (one range read of the partition) and written back in full transactions.
/// </summary>
public sealed class ProfileStore
{
    private const int TransactionLimit = 100;

    private readonly HubStorage _storage;
    private readonly ProfileBuilder _builder;
    private readonly ProfileRules _rules;
    private readonly TimeProvider _time;

    /// <summary>Creates the store.</summary>
    public ProfileStore(HubStorage storage, ProfileBuilder builder, ProfileRules rules, TimeProvider time)
    {
        _storage = storage;
        _builder = builder;
        _rules = rules;
        _time = time;
    }

    /// <summary>Builds and stores the profiles of <paramref name="personKeys"/>, all in <paramref name="partitionKey"/>.</summary>
    /// <remarks>Deterministic for the same facts and day, so repeating it after an interruption is harmless.</remarks>
    public async Task RebuildAsync(string partitionKey, IReadOnlyCollection<string> personKeys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(personKeys);
        if (personKeys.Count == 0)
        {
            return;
        }

        var wanted = personKeys as IReadOnlySet<string> ?? personKeys.ToHashSet(StringComparer.Ordinal);
        var facts = new Dictionary<string, List<FactView>>(StringComparer.Ordinal);
        var identified = new Dictionary<string, bool>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}");
        await foreach (var entity in _storage.Facts.QueryAsync<FactEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!wanted.Contains(entity.PersonKey))
            {
                continue;
            }

            if (!facts.TryGetValue(entity.PersonKey, out var list))
            {
                facts[entity.PersonKey] = list = [];
            }

            list.Add(FactView.FromEntity(entity));
            identified[entity.PersonKey] = identified.GetValueOrDefault(entity.PersonKey) || entity.Identified;
        }

        var today = _rules.DayOf(_time.GetUtcNow());
        var actions = facts
            .Select(person => ProfileEntity.From(_builder.Build(PersonKey.Parse(person.Key), person.Value, today), identified[person.Key]))
            .Select(entity => new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity))
            .ToList();
        foreach (var chunk in actions.Chunk(TransactionLimit))
        {
            await _storage.Profiles.SubmitTransactionAsync(chunk, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The stored profile JSON of a person, or null when the Hub holds no fact about them.</summary>
    public async Task<string?> GetJsonAsync(PersonKey personKey, CancellationToken cancellationToken = default)
    {
        var response = await _storage.Profiles.GetEntityIfExistsAsync<ProfileEntity>(personKey.PartitionKey, personKey.Value, ["Profile"], cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value!.Profile : null;
    }
}
