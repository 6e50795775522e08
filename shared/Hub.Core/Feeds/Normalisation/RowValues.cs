using Hub.Core.Kernel;

namespace Hub.Core.Feeds.Normalisation;

/// <summary>What the fields of one row have given so far, while <see cref="RecordNormaliser"/> reads it.</summary>
internal sealed class RowValues(long row)
{
    public long Row { get; } = row;

    public Dictionary<string, string> Attributes { get; } = new(StringComparer.Ordinal);

    public List<Rejection> Problems { get; } = [];

    public List<ValueWarning> Warnings { get; } = [];

    public ResidentId? ResidentId { get; set; }

    /// <summary>The ID field as the row report names it; null for a source without IDs.</summary>
    public string? IdField { get; set; }

    public string? IdProblem { get; set; }
}
