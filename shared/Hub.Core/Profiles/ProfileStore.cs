using Azure.Data.Tables;
using Hub.Core.Facts;
using Hub.Core.Identity;
using Hub.Core.Storage;

namespace Hub.Core.Profiles;

/// <summary>
/// Keeps profiles in step with facts: after a batch changes facts in a partition, the changed persons' profiles are
/// built again from all their facts (which the merge has just read) and written back in full transactions.
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

    /// <summary>Builds and stores the profiles of the persons <paramref name="facts"/> are about, from those facts alone.</summary>
    /// <remarks>Deterministic for the same facts and day, so repeating it after an interruption is harmless.</remarks>
    internal async Task WriteAsync(IEnumerable<FactEntity> facts, CancellationToken cancellationToken)
    {
        var today = _rules.DayOf(_time.GetUtcNow());
        var actions = facts
            .GroupBy(f => f.PersonKey, StringComparer.Ordinal)
            .Select(person => ProfileEntity.From(
                _builder.Build(PersonKey.Parse(person.Key), person.Select(FactView.FromEntity).ToList(), today),
                identified: person.Any(f => f.Identified)))
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
