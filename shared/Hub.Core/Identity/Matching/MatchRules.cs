using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hub.Core.Identity.Matching;

/// <summary>
/// The match rules: which fields are compared, with which comparator, what each level of agreement weighs
/// (Fellegi–Sunter m and u probabilities), and the two score thresholds. Loaded from a JSON file (comments allowed)
/// and validated as a whole: a bad file is refused with every problem listed, each naming its field.
/// </summary>
public sealed class MatchRules
{
    /// <summary>JSON settings of rules files: camelCase, comments and trailing commas allowed, unknown properties refused.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private static readonly Dictionary<string, MatchField> FieldNames = NamesOf<MatchField>();
    private static readonly Dictionary<string, MatchComparator> ComparatorNames = NamesOf<MatchComparator>();

    // Missing is what a comparison says when a value is absent; it weighs 0 and has no place in a rules file.
    private static readonly Dictionary<string, ComparisonLevel> LevelNames = NamesOf<ComparisonLevel>()
        .Where(l => l.Value != ComparisonLevel.Missing)
        .ToDictionary(StringComparer.Ordinal);

    private MatchRules(double matchThreshold, double possibleMatchThreshold, double rivalThreshold, IReadOnlyList<MatchFieldRule> fields)
    {
        MatchThreshold = matchThreshold;
        PossibleMatchThreshold = possibleMatchThreshold;
        RivalThreshold = rivalThreshold;
        Fields = fields;
    }

    /// <summary>The score (log2 likelihood ratio) from which a lone candidate without an ID contradiction is linked automatically.</summary>
    public double MatchThreshold { get; }

    /// <summary>The score from which a candidate goes to the steward queue; below it, it is not a candidate at all.</summary>
    public double PossibleMatchThreshold { get; }

    /// <summary>
    /// The score from which a second candidate holds back the automatic link of the best one, so both go to the
    /// steward (twins, namesakes with everything else alike); at least <see cref="PossibleMatchThreshold"/>, which it
    /// equals when the rules file does not set it (<c>rival</c>).
    /// </summary>
    public double RivalThreshold { get; }

    /// <summary>The fields compared, in the order of the file.</summary>
    public IReadOnlyList<MatchFieldRule> Fields { get; }

    /// <summary>Reads and validates rules from JSON text.</summary>
    /// <exception cref="InvalidDataException">The text is not valid JSON or the rules are invalid; the message lists every problem.</exception>
    public static MatchRules Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return FromDocument(JsonSerializer.Deserialize<MatchRulesDocument>(json, JsonOptions));
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Matching rules are not valid JSON: {ex.Message}", ex);
        }
    }

    /// <summary>Reads and validates rules from a UTF-8 JSON stream.</summary>
    /// <exception cref="InvalidDataException">The stream is not valid JSON or the rules are invalid.</exception>
    public static MatchRules Load(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        try
        {
            return FromDocument(JsonSerializer.Deserialize<MatchRulesDocument>(utf8Json, JsonOptions));
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Matching rules are not valid JSON: {ex.Message}", ex);
        }
    }

    /// <summary>Reads and validates a rules file; errors name the file.</summary>
    /// <exception cref="InvalidDataException">The file is not valid JSON or the rules are invalid.</exception>
    public static MatchRules LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var stream = File.OpenRead(path);
            return Load(stream);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"Matching rules file '{path}': {ex.Message}", ex);
        }
    }

    /// <summary>The rule for <paramref name="field"/>, or null when the rules do not compare it.</summary>
    public MatchFieldRule? Find(MatchField field) => Fields.FirstOrDefault(f => f.Field == field);

    private static MatchRules FromDocument(MatchRulesDocument? document)
    {
        if (document is null)
        {
            throw new InvalidDataException("Matching rules are empty.");
        }

        var errors = new List<string>();
        var (match, possible, rival) = Thresholds(document.Thresholds, errors);
        var fields = new List<MatchFieldRule>();
        if (document.Fields is not { Count: > 0 })
        {
            errors.Add("fields: at least one field must be compared");
        }
        else
        {
            for (var i = 0; i < document.Fields.Count; i++)
            {
                if (Field(document.Fields[i], i, errors) is { } field)
                {
                    if (fields.Any(f => f.Field == field.Field))
                    {
                        errors.Add($"field '{Name(field.Field)}': compared twice; give each field one comparator");
                    }
                    else
                    {
                        fields.Add(field);
                    }
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidDataException($"Matching rules are invalid: {string.Join("; ", errors)}.");
        }

        return new MatchRules(match, possible, rival, fields);
    }

    private static (double Match, double Possible, double Rival) Thresholds(MatchRulesDocument.ThresholdsDocument? thresholds, List<string> errors)
    {
        if (thresholds?.Match is not { } match || thresholds.PossibleMatch is not { } possible)
        {
            errors.Add("thresholds: both 'match' and 'possibleMatch' are required");
            return (0, 0, 0);
        }

        var rival = thresholds.Rival ?? possible;
        if (!double.IsFinite(match) || !double.IsFinite(possible) || !double.IsFinite(rival))
        {
            errors.Add("thresholds: 'match', 'possibleMatch' and 'rival' must be finite numbers");
        }
        else if (possible >= match)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"thresholds: 'possibleMatch' ({possible}) must be below 'match' ({match})"));
        }
        else if (rival < possible || rival >= match)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"thresholds: 'rival' ({rival}) must be at least 'possibleMatch' ({possible}) and below 'match' ({match})"));
        }

        return (match, possible, rival);
    }

    private static MatchFieldRule? Field(MatchRulesDocument.FieldDocument? document, int index, List<string> errors)
    {
        if (document?.Field is not { } fieldName || !FieldNames.TryGetValue(fieldName, out var field))
        {
            errors.Add($"fields[{index}]: unknown field '{document?.Field}' (expected one of: {string.Join(", ", FieldNames.Keys)})");
            return null;
        }

        var label = $"field '{fieldName}'";
        if (document.Comparator is not { } comparatorName || !ComparatorNames.TryGetValue(comparatorName, out var comparator))
        {
            errors.Add($"{label}: unknown comparator '{document.Comparator}' (expected one of: {string.Join(", ", ComparatorNames.Keys)})");
            return null;
        }

        if (!MatchFieldRule.ComparatorsFor(field).Contains(comparator))
        {
            errors.Add($"{label}: comparator '{comparatorName}' cannot compare it (use one of: {string.Join(", ", MatchFieldRule.ComparatorsFor(field).Select(Name))})");
            return null;
        }

        var similarity = 0.0;
        if (comparator is MatchComparator.JaroWinkler or MatchComparator.Pinyin)
        {
            if (document.Similarity is not ({ } s and > 0 and < 1))
            {
                errors.Add($"{label}: comparator '{comparatorName}' needs a 'similarity' threshold between 0 and 1 (exclusive)");
            }
            else
            {
                similarity = s;
            }
        }
        else if (document.Similarity is not null)
        {
            errors.Add($"{label}: 'similarity' applies only to comparators 'jaroWinkler' and 'pinyin'");
        }

        var levels = Levels(document.Levels, comparator, label, errors);
        var blocking = new HashSet<ComparisonLevel>();
        foreach (var name in document.BlocksAutoMatch ?? [])
        {
            if (LevelNames.TryGetValue(name, out var level) && MatchFieldRule.LevelsOf(comparator).Contains(level))
            {
                blocking.Add(level);
            }
            else
            {
                errors.Add($"{label}: blocksAutoMatch names level '{name}', which comparator '{comparatorName}' does not produce");
                levels = null;
            }
        }

        return levels is null ? null : new MatchFieldRule(field, comparator, similarity, levels, blocking);
    }

    private static Dictionary<ComparisonLevel, LevelWeights>? Levels(Dictionary<string, MatchRulesDocument.LevelDocument?>? documents, MatchComparator comparator, string label, List<string> errors)
    {
        var produced = MatchFieldRule.LevelsOf(comparator);
        var levels = new Dictionary<ComparisonLevel, LevelWeights>();
        var valid = true;
        foreach (var (name, document) in documents ?? [])
        {
            if (!LevelNames.TryGetValue(name, out var level) || !produced.Contains(level))
            {
                errors.Add($"{label}: level '{name}' is not one comparator '{Name(comparator)}' produces ({string.Join(", ", produced.Select(Name))})");
                valid = false;
            }
            else if (document?.M is not ({ } m and > 0 and <= 1) || document.U is not ({ } u and > 0 and <= 1))
            {
                errors.Add($"{label}: level '{name}' needs probabilities 'm' and 'u' greater than 0 and at most 1");
                valid = false;
            }
            else
            {
                levels[level] = new LevelWeights(m, u);
            }
        }

        foreach (var missing in produced.Where(l => !levels.ContainsKey(l) && !(documents?.ContainsKey(Name(l)) ?? false)))
        {
            errors.Add($"{label}: level '{Name(missing)}' needs 'm' and 'u' (comparator '{Name(comparator)}' produces {string.Join(", ", produced.Select(Name))})");
            valid = false;
        }

        return valid ? levels : null;
    }

    private static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static Dictionary<string, T> NamesOf<T>()
        where T : struct, Enum => Enum.GetValues<T>().ToDictionary(Name, v => v, StringComparer.Ordinal);
}
