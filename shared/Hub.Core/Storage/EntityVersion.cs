namespace Hub.Core.Storage;

/// <summary>
/// The version of a stored entity as storage last saw it (its ETag): what an update names so that it only succeeds
/// while nobody else has written the entity since it was read.
/// </summary>
/// <param name="Value">The opaque version text storage issued.</param>
public readonly record struct EntityVersion(string Value)
{
    /// <summary>Whatever version the row has: an update that names it succeeds while the row exists.</summary>
    public static EntityVersion Any { get; } = new("*");

    /// <inheritdoc />
    public override string ToString() => Value;
}
