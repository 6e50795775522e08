namespace Hub.Core.Feeds.Batches;

/// <summary>How many accepted rows carry a value of one attribute.</summary>
/// <param name="Attribute">The Hub attribute, e.g. <c>phone</c>.</param>
/// <param name="Rows">Accepted rows with a value.</param>
public sealed record AttributeTally(string Attribute, long Rows);
