using System.Globalization;
using System.Security.Cryptography;
using Hub.Core.Kernel;
using Hub.Core.Profiles;
using Hub.Core.Protection;
using Hub.Core.Storage;

namespace Hub.Core.Subjects;

/// <summary>
/// Residents' correction requests in table <c>corrections</c> (layout: <see cref="CorrectionEntity"/>): filed against
/// the value a profile holds, routed to the department that stated it, listed and decided by that department only.
/// A request is its own record rather than a worklist item: the worklist is rebuilt from check rules after every
/// batch and resolves what its rules no longer find, while a resident's request stays until a person answers it.
/// The values, the reason and the answer are sealed in the row, bound to the request (<see cref="DerivedSeal"/>): a
/// value being corrected is as sensitive as the value held.
/// </summary>
public sealed class CorrectionRequests(HubStorage storage, KeyRing keys, TimeProvider time)
{
    private readonly DerivedSeal _text = new(keys, "correction-text");

    /// <summary>The longest proposed value, reason or answer accepted.</summary>
    public const int MaxTextLength = 500;

    /// <summary>The most requests one list answers.</summary>
    public const int MaxList = 500;

    /// <summary>
    /// The value <paramref name="profile"/> holds for <paramref name="attribute"/> and where it comes from: a profile
    /// attribute, a place part (<c>residenceAddress</c>…) or a membership detail; null when the Hub holds none.
    /// </summary>
    public static SourcedValue? HeldValue(PersonProfile profile, string attribute)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.Attributes.TryGetValue(attribute, out var value))
        {
            return new SourcedValue(value.Value, value.Provenance);
        }

        foreach (var (prefix, place) in new[] { ("residence", profile.Residence), ("registration", profile.Registration) })
        {
            var part = place is null ? null : attribute[..Math.Min(attribute.Length, prefix.Length)] == prefix ? attribute[prefix.Length..] switch
            {
                "Division" => place.Division.Value,
                "Grid" => place.Grid,
                "Address" => place.Address,
                _ => null,
            } : null;
            if (part is not null)
            {
                return new SourcedValue(part, place!.Provenance);
            }
        }

        return profile.Memberships
            .Where(m => m.Details.ContainsKey(attribute))
            .OrderByDescending(m => m.Provenance.AsOf)
            .Select(m => new SourcedValue(m.Details[attribute], m.Provenance))
            .FirstOrDefault();
    }

    /// <summary>Files a request to correct <paramref name="held"/>, for the department that stated it.</summary>
    public async Task<CorrectionRequest> FileAsync(PersonKey person, string attribute, SourcedValue held, string proposedValue, string reason, string requestedBy, string? requestedDivision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(held);
        var now = time.GetUtcNow();

        // Newest first within the department's partition; the random tail keeps two requests of one tick apart.
        var id = string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.MaxValue.UtcTicks - now.UtcTicks:D19}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");
        var request = new CorrectionRequest
        {
            Id = id,
            Owner = held.Provenance.Source,
            PersonKey = person,
            Attribute = attribute,
            CurrentValue = held.Value,
            ProposedValue = proposedValue,
            Reason = reason,
            Batch = held.Provenance.Batch,
            RequestedBy = requestedBy,
            RequestedDivision = requestedDivision,
            RequestedAt = now,
            Status = CorrectionStatus.Open,
        };
        var written = await storage.CorrectionsTable.AddAsync(Entity(request), cancellationToken).ConfigureAwait(false);
        return written.IsWritten ? request : throw new InvalidOperationException("A correction request id was taken twice.");
    }

    /// <summary>The requests routed to <paramref name="owner"/>, newest first; only those in <paramref name="status"/> when given.</summary>
    public async Task<IReadOnlyList<CorrectionRequest>> ListAsync(SourceId owner, CorrectionStatus? status, CancellationToken cancellationToken = default)
    {
        var filter = status is { } s
            ? TableFilter.Of($"PartitionKey eq {owner.Value} and Status eq {Name(s)}")
            : TableFilter.Of($"PartitionKey eq {owner.Value}");
        var list = new List<CorrectionRequest>();
        await foreach (var entity in storage.CorrectionsTable.QueryAsync<CorrectionEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(Request(entity));
            if (list.Count == MaxList)
            {
                break;
            }
        }

        return list;
    }

    /// <summary>One request routed to <paramref name="owner"/>; null when the department has none by that id.</summary>
    public async Task<CorrectionRequest?> GetAsync(SourceId owner, string id, CancellationToken cancellationToken = default)
    {
        var entity = await storage.CorrectionsTable.GetAsync<CorrectionEntity>(owner.Value, id, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : Request(entity);
    }

    /// <summary>
    /// Decides an open request of <paramref name="owner"/>: null when the department has none by that id; otherwise
    /// the request as it now stands, and whether this call decided it (false when it was decided already, or meanwhile).
    /// </summary>
    public async Task<(CorrectionRequest Request, bool Decided)?> DecideAsync(SourceId owner, string id, bool accept, string answer, string decidedBy, CancellationToken cancellationToken = default)
    {
        var entity = await storage.CorrectionsTable.GetAsync<CorrectionEntity>(owner.Value, id, cancellationToken).ConfigureAwait(false);
        if (entity is null)
        {
            return null;
        }

        var request = Request(entity);
        if (request.Status != CorrectionStatus.Open || entity.Version is not { } version)
        {
            return (request, false);
        }

        var decided = request with { Status = accept ? CorrectionStatus.Accepted : CorrectionStatus.Rejected, DecidedBy = decidedBy, DecidedAt = time.GetUtcNow(), Answer = answer };
        var written = await storage.CorrectionsTable.UpdateAsync(Entity(decided), version, EntityUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return written.IsWritten ? (decided, true) : (await GetAsync(owner, id, cancellationToken).ConfigureAwait(false) ?? request, false);
    }

    /// <summary>The name a status is stored and answered as: <c>open</c>, <c>accepted</c>, <c>rejected</c>.</summary>
    public static string Name(CorrectionStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>Deletes every request about <paramref name="persons"/>, open or decided (an erased person leaves none); returns how many.</summary>
    public async Task<int> EraseAsync(IReadOnlyCollection<PersonKey> persons, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(persons);
        var erased = 0;
        foreach (var person in persons)
        {
            var rows = await storage.CorrectionsTable.QueryAsync<BareRow>(TableFilter.Of($"PersonKey eq {person.Value}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            erased += await storage.CorrectionsTable.DeleteRowsAsync(rows, cancellationToken).ConfigureAwait(false);
        }

        return erased;
    }

    private CorrectionEntity Entity(CorrectionRequest r) => new()
    {
        PartitionKey = r.Owner,
        RowKey = r.Id,
        PersonKey = r.PersonKey.Value,
        Attribute = r.Attribute,
        CurrentValue = Seal(r.CurrentValue, r, nameof(CorrectionEntity.CurrentValue)),
        ProposedValue = Seal(r.ProposedValue, r, nameof(CorrectionEntity.ProposedValue)),
        Reason = Seal(r.Reason, r, nameof(CorrectionEntity.Reason)),
        Batch = r.Batch,
        RequestedBy = r.RequestedBy,
        RequestedDivision = r.RequestedDivision,
        RequestedAt = r.RequestedAt,
        Status = Name(r.Status),
        DecidedBy = r.DecidedBy,
        DecidedAt = r.DecidedAt,
        Answer = r.Answer is null ? null : Seal(r.Answer, r, nameof(CorrectionEntity.Answer)),
    };

    private CorrectionRequest Request(CorrectionEntity e) => new()
    {
        Id = e.RowKey,
        Owner = e.PartitionKey,
        PersonKey = PersonKey.Parse(e.PersonKey),
        Attribute = e.Attribute,
        CurrentValue = Open(e.CurrentValue, e, nameof(CorrectionEntity.CurrentValue)),
        ProposedValue = Open(e.ProposedValue, e, nameof(CorrectionEntity.ProposedValue)),
        Reason = Open(e.Reason, e, nameof(CorrectionEntity.Reason)),
        Batch = e.Batch,
        RequestedBy = e.RequestedBy,
        RequestedDivision = e.RequestedDivision,
        RequestedAt = e.RequestedAt,
        Status = Enum.TryParse<CorrectionStatus>(e.Status, ignoreCase: true, out var status) ? status : CorrectionStatus.Open,
        DecidedBy = e.DecidedBy,
        DecidedAt = e.DecidedAt,
        Answer = e.Answer is null ? null : Open(e.Answer, e, nameof(CorrectionEntity.Answer)),
    };

    // A text is bound to its request and its field: a box moved to another request, or another field, does not open.
    private string Seal(string text, CorrectionRequest r, string field) => _text.Seal(text, $"{r.Owner}/{r.Id}/{field}");

    // A row written before sealing holds its texts in clear.
    private string Open(string text, CorrectionEntity e, string field) =>
        DerivedSeal.IsSealed(text) ? _text.Open(text, $"{e.PartitionKey}/{e.RowKey}/{field}") : text;
}
