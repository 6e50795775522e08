using Hub.Core.Access;
using Hub.Core.Kernel;
using Hub.Core.Protection;
using Hub.Core.Storage;

namespace Hub.Core.Exchange;

/// <summary>
/// A subscription as the <c>subscriptions</c> table holds it: partition the holder's subject (hashed, so a list is one
/// partition and no identity id is a key), row the subscription id.
/// </summary>
internal sealed class SubscriptionEntity : StoredEntity
{
    public string Id { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    /// <summary>Roles, comma-separated.</summary>
    public string Roles { get; set; } = string.Empty;

    public string Division { get; set; } = string.Empty;

    public string? Grid { get; set; }

    public string? Department { get; set; }

    public string? Purpose { get; set; }

    /// <summary>Event types, comma-separated.</summary>
    public string Types { get; set; } = string.Empty;

    public string Groups { get; set; } = string.Empty;

    public string Divisions { get; set; } = string.Empty;

    public long Start { get; set; }

    /// <summary>The push endpoint; null for pull only.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The push signing secret, written as <c>whsec_…</c>.</summary>
    public string? Secret { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public static SubscriptionEntity Of(Subscription subscription, string partitionKey, DerivedSeal secrets) => new()
    {
        PartitionKey = partitionKey,
        RowKey = subscription.Id,
        Id = subscription.Id,
        Subject = subscription.Holder.Subject,
        Roles = string.Join(',', subscription.Holder.Roles.Order(StringComparer.Ordinal)),
        Division = subscription.Holder.Division.Value,
        Grid = subscription.Holder.Grid?.Value,
        Department = subscription.Holder.Department?.Value,
        Purpose = subscription.Purpose?.Value,
        Types = string.Join(',', subscription.Types.Select(t => t.Value)),
        Groups = string.Join(',', subscription.Groups.Select(g => g.Value)),
        Divisions = string.Join(',', subscription.Divisions.Select(d => d.Value)),
        Start = subscription.Start,
        Endpoint = subscription.Endpoint?.AbsoluteUri,
        Secret = subscription.Secret is { } secret ? secrets.Seal(secret.ToString(), subscription.Id) : null,
        CreatedAt = subscription.CreatedAt,
        UpdatedAt = subscription.UpdatedAt,
        EndedAt = subscription.EndedAt,
    };

    public Subscription ToSubscription(DerivedSeal secrets) => new()
    {
        Id = Id,
        Holder = new HubUser
        {
            Subject = Subject,
            Roles = Split(Roles).ToHashSet(StringComparer.Ordinal),
            Division = DivisionCode.Parse(Division),
            Grid = GridCode.TryParse(Grid, out var grid) ? grid : null,
            Department = SourceId.TryParse(Department, out var department) ? department : null,
        },
        Purpose = Access.Purpose.TryParse(Purpose, out var purpose) ? purpose : null,
        Types = Split(Types).Select(t => ChangeEventType.TryParse(t, out var type) ? type : (ChangeEventType?)null).OfType<ChangeEventType>().ToList(),
        Groups = Split(Groups).Select(g => GroupId.TryParse(g, out var id) ? id : null).OfType<GroupId>().ToList(),
        Divisions = Split(Divisions).Select(d => DivisionCode.TryParse(d, out var code, out _) ? code : null).OfType<DivisionCode>().ToList(),
        Start = Start,
        Endpoint = Uri.TryCreate(Endpoint, UriKind.Absolute, out var endpoint) ? endpoint : null,
        Secret = WebhookSecret.TryParse(DerivedSeal.IsSealed(Secret) ? secrets.Open(Secret!, Id) : Secret, out var secret) ? secret : null,
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
        EndedAt = EndedAt,
    };

    private static string[] Split(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
