using Hub.Core.Identity.Matching;
using Hub.Core.Kernel;

namespace Hub.Samples.Quality;

/// <summary>One row as the Hub reads it.</summary>
internal sealed record RowReading(RowKind Kind, PersonKey? Person, MatchRecord? Record)
{
    public static RowReading Rejected { get; } = new(RowKind.Rejected, null, null);

    public static RowReading Repeated { get; } = new(RowKind.Repeated, null, null);
}
