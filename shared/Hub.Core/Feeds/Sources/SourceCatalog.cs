using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Hub.Core.Kernel;

namespace Hub.Core.Feeds.Sources;

/// <summary>The configured sources, loaded and validated from mapping files.</summary>
public sealed partial class SourceCatalog
{
    /// <summary>JSON settings of mapping files: camelCase names, enums as strings, comments allowed.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    private readonly Dictionary<string, SourceMapping> _sources;

    /// <summary>Creates a catalogue of validated mappings.</summary>
    public SourceCatalog(IEnumerable<SourceMapping> mappings)
    {
        ArgumentNullException.ThrowIfNull(mappings);
        _sources = new Dictionary<string, SourceMapping>(StringComparer.Ordinal);
        foreach (var mapping in mappings)
        {
            var errors = Validate(mapping);
            if (errors.Count > 0)
            {
                throw new InvalidDataException($"Source mapping '{mapping.Id}' is invalid: {string.Join("; ", errors)}");
            }

            if (!_sources.TryAdd(mapping.Id, mapping))
            {
                throw new InvalidDataException($"Two source mappings have the id '{mapping.Id}'.");
            }
        }
    }

    /// <summary>All sources, ordered by id.</summary>
    public IEnumerable<SourceMapping> All => _sources.Values.OrderBy(s => s.Id, StringComparer.Ordinal);

    /// <summary>Finds a source by id.</summary>
    public bool TryGet(string id, [NotNullWhen(true)] out SourceMapping? mapping) => _sources.TryGetValue(id, out mapping);

    /// <summary>Loads every <c>*.json</c> file in <paramref name="folder"/>; errors name the file.</summary>
    public static SourceCatalog Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The source mapping folder '{folder}' (Hub:Sources:Path) does not exist.");
        }

        var mappings = new List<SourceMapping>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            mappings.Add(LoadFile(file));
        }

        return new SourceCatalog(mappings);
    }

    /// <summary>Reads one mapping file.</summary>
    public static SourceMapping LoadFile(string file)
    {
        try
        {
            using var stream = File.OpenRead(file);
            return JsonSerializer.Deserialize<SourceMapping>(stream, JsonOptions)
                ?? throw new InvalidDataException($"Source mapping file '{file}' is empty.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Source mapping file '{file}' is not valid: {ex.Message}", ex);
        }
    }

    /// <summary>Lists what is wrong with a mapping; empty when it is valid.</summary>
    public static IReadOnlyList<string> Validate(SourceMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var errors = new List<string>();
        if (!SourceId.TryParse(mapping.Id, out _))
        {
            errors.Add("id must be 2 to 40 lower-case letters, digits or hyphens, starting with a letter");
        }

        if (mapping.Fields.Count(f => f.Type == FieldType.ResidentId) != 1)
        {
            errors.Add("exactly one field must have type residentId");
        }

        foreach (var duplicate in mapping.Fields.GroupBy(f => f.Attribute, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"attribute '{duplicate.Key}' is mapped twice");
        }

        foreach (var duplicate in mapping.Fields.SelectMany(f => f.Headers).GroupBy(h => h, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"column '{duplicate.Key}' is mapped twice");
        }

        foreach (var field in mapping.Fields)
        {
            if (!AttributeName().IsMatch(field.Attribute))
            {
                errors.Add($"attribute '{field.Attribute}' must be camelCase letters and digits");
            }

            if (field.Type == FieldType.Code && (field.CodeList is null || !mapping.CodeLists.ContainsKey(field.CodeList)))
            {
                errors.Add($"field '{field.Column}' has type code but its codeList '{field.CodeList}' is not defined");
            }
        }

        foreach (var key in mapping.RecordKey.Where(k => mapping.Fields.All(f => f.Attribute != k)))
        {
            errors.Add($"recordKey attribute '{key}' is not mapped");
        }

        foreach (var format in mapping.DateFormats)
        {
            if (!IsUsableDateFormat(format))
            {
                errors.Add($"date format '{format}' is not a valid .NET date format");
            }
        }

        if (mapping.Encoding is not ("auto" or "utf-8" or "gb18030"))
        {
            errors.Add("encoding must be auto, utf-8 or gb18030");
        }

        return errors;
    }

    private static bool IsUsableDateFormat(string format)
    {
        try
        {
            var sample = new DateTime(2001, 2, 3, 0, 0, 0, DateTimeKind.Unspecified).ToString(format, CultureInfo.InvariantCulture);
            return DateTime.TryParseExact(sample, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[a-z][A-Za-z0-9]{1,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex AttributeName();
}
