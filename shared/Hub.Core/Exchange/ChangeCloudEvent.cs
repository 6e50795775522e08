using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Hub.Core.Exchange;

/// <summary>
/// A change event as a subscriber receives it: a CloudEvents 1.0 event in its JSON format, whose <see cref="Data"/>
/// is what the access policy lets the subscriber see of the change.
/// </summary>
public sealed record ChangeCloudEvent
{
    /// <summary>The CloudEvents version, <c>1.0</c>.</summary>
    [JsonPropertyName("specversion")]
    public string SpecVersion { get; init; } = "1.0";

    /// <summary>The stable event id: the same change is always the same id, so a receiver can drop a repeat.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>The source whose feed made the change, as <c>/hub/sources/{source}</c>.</summary>
    [JsonPropertyName("source")]
    public required string Source { get; init; }

    /// <summary>The event type, e.g. <c>hub.person.deceased</c>.</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    /// <summary>When the Hub published the change (its batch completed).</summary>
    [JsonPropertyName("time")]
    public required DateTimeOffset Time { get; init; }

    /// <summary>The person key.</summary>
    [JsonPropertyName("subject")]
    public required string Subject { get; init; }

    /// <summary>The content type of <see cref="Data"/>: <c>application/json</c>.</summary>
    [JsonPropertyName("datacontenttype")]
    public string DataContentType { get; init; } = "application/json";

    /// <summary>
    /// The change as the policy renders it: person key, effective date, batch, the changed attributes before and after.
    /// A division code shown in full has its registry name and path beside it (<c>beforeDivisionName</c>,
    /// <c>beforeDivisionPath</c>, <c>afterDivisionName</c>, <c>afterDivisionPath</c>, and <c>…CurrentDivision</c> for a
    /// retired code), a grid code its name (<c>beforeGridName</c>, <c>afterGridName</c>); a masked code is never named.
    /// </summary>
    [JsonPropertyName("data")]
    public required JsonObject Data { get; init; }
}
