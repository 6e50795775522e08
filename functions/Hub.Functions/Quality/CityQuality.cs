using Hub.Core.Quality;

namespace Hub.Functions.Quality;

/// <summary>The departments' data quality the caller may read: their own department's, or the whole city's.</summary>
/// <param name="Sources">One entry per department source, in source order.</param>
internal sealed record CityQuality(IReadOnlyList<SourceQuality> Sources);
