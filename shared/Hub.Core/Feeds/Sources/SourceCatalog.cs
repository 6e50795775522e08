using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hub.Core.Feeds.Sources;

/// <summary>The configured sources, loaded and validated from mapping files.</summary>
public sealed class SourceCatalog
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
            var mapping = LoadFile(file);
            if (Validate(mapping) is { Count: > 0 } errors)
            {
                // Named by file, so the operator opens the right one: the id inside may be the very thing that is wrong.
                throw new InvalidDataException($"Source mapping file '{file}' (source '{mapping.Id}') is invalid: {string.Join("; ", errors)}");
            }

            mappings.Add(mapping);
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
        return SourceMappingValidator.Validate(mapping);
    }
}
