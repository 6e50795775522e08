namespace Hub.Core.Access;

/// <summary>A purpose the access policy accepts, with the label users see.</summary>
public sealed record PurposeDefinition
{
    /// <summary>The purpose id, e.g. <c>home-visit</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The label shown to users, e.g. <c>入户走访</c>.</summary>
    public required string Label { get; init; }
}
