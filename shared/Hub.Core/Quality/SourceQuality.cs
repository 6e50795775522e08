namespace Hub.Core.Quality;

/// <summary>A department's data quality: its latest batch's figures, how current it is, its review backlog and its trend.</summary>
/// <param name="Source">The source.</param>
/// <param name="DisplayName">The source's name.</param>
/// <param name="Department">The department that sends it.</param>
/// <param name="Latest">The latest completed batch's figures; null before any.</param>
/// <param name="Timeliness">How current the data is.</param>
/// <param name="Review">Its records waiting for a data steward.</param>
/// <param name="Trend">The completed batches, oldest first.</param>
public sealed record SourceQuality(
    string Source,
    string DisplayName,
    string Department,
    QualityFigures? Latest,
    Timeliness Timeliness,
    ReviewBacklog Review,
    IReadOnlyList<QualityPoint> Trend);
