namespace Hub.Samples.Quality;

/// <summary>
/// The kinds of row a row counts under in the report: its source, its ID problem, its other mistakes and corruptions,
/// twins and namesakes. Without IDs, the mistakes made in the ID cell are gone with it and are not counted.
/// </summary>
internal sealed class RowLabels(Population population, bool withoutIds)
{
    private static readonly MistakeKind[] IdProblems =
    [
        MistakeKind.MissingId, MistakeKind.ScientificNotation, MistakeKind.MistypedIdDigit, MistakeKind.WrongCheckCharacter,
        MistakeKind.DroppedCheckCharacter, MistakeKind.MissingRequiredValue,
    ];

    private readonly HashSet<int> _twins = population.People.Where(p => p.TwinOf is not null).SelectMany(p => new[] { p.Number, p.TwinOf!.Value }).ToHashSet();

    private readonly HashSet<int> _namesakes = population.People.GroupBy(p => p.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).SelectMany(g => g.Select(p => p.Number)).ToHashSet();

    /// <summary>Orders labels in the report: sources, ID problems, mistakes, corruptions, then the rest.</summary>
    public static int Group(string label) => label.Split(' ')[0] switch
    {
        "source" => 0,
        "id" => 1,
        "with" => 2,
        "corrupted" => 3,
        _ => 4,
    };

    public IReadOnlyList<string> Of(SampleFeed feed, SampleRow row)
    {
        var labels = new List<string> { $"source {feed.Source.Id}" };
        var idColumn = feed.Source.ResidentIdField.Column;
        labels.AddRange(row.Mistakes
            .Where(m => !withoutIds || m.Column != idColumn)
            .Select(m => m.Column == idColumn && IdProblems.Contains(m.Kind) ? $"id {m.Kind}" : $"with {m.Kind}"));
        labels.AddRange(row.Corruptions.Select(c => $"corrupted {c.Kind}"));
        if (_twins.Contains(row.Person.Number))
        {
            labels.Add("twins");
        }

        if (_namesakes.Contains(row.Person.Number))
        {
            labels.Add("namesakes");
        }

        return labels.Distinct(StringComparer.Ordinal).ToList();
    }
}
