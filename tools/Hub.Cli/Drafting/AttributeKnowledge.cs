using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hub.Core.Feeds.Normalisation;
using Hub.Core.Feeds.Sources;

namespace Hub.Cli.Drafting;

/// <summary>
/// The headers and attributes a draft can recognise, built from what the Hub already has: every column and alias of
/// the mappings in the sources folder, the web console's label of each attribute, and a small curated list
/// (header-aliases.json). Nothing here is about one sample file.
/// </summary>
internal sealed partial class AttributeKnowledge
{
    private readonly Dictionary<string, KnownAttribute> _attributes;
    private readonly Dictionary<string, HeaderAlias> _byKey;

    private AttributeKnowledge(Dictionary<string, KnownAttribute> attributes, Dictionary<string, HeaderAlias> byKey, CuratedHeaders curated)
    {
        _attributes = attributes;
        _byKey = byKey;
        AddressParts = curated.AddressParts;
        IdSuffixes = curated.IdSuffixes;
    }

    /// <summary>Parts of a split address, in the order an address is written.</summary>
    public IReadOnlyList<AddressPart> AddressParts { get; }

    /// <summary>Attribute of a number made of an ID and more digits → what each further digit stands for.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<SuffixDigit>> IdSuffixes { get; }

    /// <summary>The attributes that have a code list, with their labels.</summary>
    public IEnumerable<KnownAttribute> CodedAttributes => _attributes.Values.Where(a => a.Type == FieldType.Code && a.Codes.Count > 0);

    /// <summary>Builds the knowledge from the mappings of <paramref name="catalog"/>, the console's labels and the curated list.</summary>
    public static AttributeKnowledge From(SourceCatalog catalog)
    {
        var fields = catalog.All.SelectMany(m => m.Fields.Select(f => (Mapping: m, Field: f))).ToList();
        var attributes = fields.GroupBy(p => p.Field.Attribute, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Describe(g.Key, [.. g]), StringComparer.Ordinal);

        var byKey = new Dictionary<string, HeaderAlias>(StringComparer.Ordinal);
        foreach (var group in fields.Where(p => p.Field.Column.Length > 0)
            .SelectMany(p => p.Field.Headers.Select(h => (Header: h, p.Field.Attribute, Source: p.Mapping.Id)))
            .GroupBy(h => (Key: Key(h.Header), h.Attribute)))
        {
            var sources = group.Select(h => h.Source).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            Add(byKey, attributes, group.First().Header, group.Key.Attribute, $"the mappings of {string.Join(", ", sources)}");
        }

        // An attribute's own name is a header too: a JSON export often keys its records by it.
        foreach (var attribute in attributes.Keys)
        {
            Add(byKey, attributes, attribute, attribute, "the Hub's attribute names");
        }

        foreach (var (attribute, label) in Labels("zh-CN").Concat(Labels("en")))
        {
            Add(byKey, attributes, label, attribute, "the web console's labels");
        }

        var curated = Curated();
        foreach (var (attribute, headers) in curated.Attributes)
        {
            foreach (var header in headers)
            {
                Add(byKey, attributes, header, attribute, "the draft's list of common headers");
            }
        }

        return new AttributeKnowledge(attributes, byKey, curated);
    }

    /// <summary>
    /// A header as matched: width-folded, trimmed, lower-case, without a bracketed unit such as <c>(元)</c> and without
    /// spaces, '_', '-', '*' and ':'.
    /// </summary>
    public static string Key(string header)
    {
        var text = RecordNormaliser.NormaliseHeader(header).ToLowerInvariant();
        var unbracketed = Bracketed().Replace(text, string.Empty);
        var builder = new StringBuilder(unbracketed.Length);
        foreach (var c in unbracketed.Length > 0 ? unbracketed : text)
        {
            if (c is not (' ' or '_' or '-' or '*' or ':'))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>The attribute, when some mapping maps it.</summary>
    public bool TryGet(string attribute, [NotNullWhen(true)] out KnownAttribute? known) => _attributes.TryGetValue(attribute, out known);

    /// <summary>
    /// The attribute the header names: the whole header, else the longest known Chinese name inside it (承租人身份证号
    /// holds 身份证号). Latin names match only whole, so 'tel' is not found in 'hotel'.
    /// </summary>
    public HeaderMatch? Match(string header)
    {
        var key = Key(header);
        if (key.Length == 0)
        {
            return null;
        }

        if (_byKey.TryGetValue(key, out var exact))
        {
            return new HeaderMatch(_attributes[exact.Attribute], exact, Exact: true);
        }

        var inside = _byKey.Values
            .Where(a => a.Key.Length >= 2 && a.Key.Any(c => c > '\u007F') && key.Contains(a.Key, StringComparison.Ordinal))
            .OrderByDescending(a => a.Key.Length)
            .FirstOrDefault();
        return inside is null ? null : new HeaderMatch(_attributes[inside.Attribute], inside, Exact: false);
    }

    private static void Add(Dictionary<string, HeaderAlias> byKey, Dictionary<string, KnownAttribute> attributes, string header, string attribute, string from)
    {
        // A header names the attribute it was first learnt for: the mappings' own headers win over labels and the list.
        var key = Key(header);
        if (key.Length > 0 && attributes.ContainsKey(attribute))
        {
            byKey.TryAdd(key, new HeaderAlias(key, header, attribute, from));
        }
    }

    private static KnownAttribute Describe(string attribute, List<(SourceMapping Mapping, FieldMapping Field)> fields)
    {
        var first = fields[0].Field;
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (mapping, field) in fields.Where(p => p.Field.CodeList is not null))
        {
            foreach (var (label, code) in mapping.CodeLists.GetValueOrDefault(field.CodeList!) ?? new Dictionary<string, string>())
            {
                codes.TryAdd(label, code);
            }
        }

        return new KnownAttribute(
            attribute,
            first.Type,
            fields.Max(p => p.Field.Sensitivity),
            fields.Max(p => p.Field.Sharing),
            fields.All(p => p.Field.Required),
            fields.Select(p => p.Field.CodeList).FirstOrDefault(l => l is not null),
            codes,
            [.. fields.Select(p => p.Mapping.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
    }

    private static IEnumerable<(string Attribute, string Label)> Labels(string language)
    {
        using var stream = Resource($"labels/{language}.json");
        using var document = JsonDocument.Parse(stream);
        const string Prefix = "attr.";
        return [.. document.RootElement.EnumerateObject()
            .Where(p => p.Name.StartsWith(Prefix, StringComparison.Ordinal) && p.Value.ValueKind == JsonValueKind.String)
            .Select(p => (p.Name[Prefix.Length..], p.Value.GetString()!))];
    }

    private static CuratedHeaders Curated()
    {
        using var stream = Resource("header-aliases.json");
        return JsonSerializer.Deserialize<CuratedHeaders>(stream, SourceCatalog.JsonOptions)
            ?? throw new InvalidDataException("The draft's list of common headers is empty.");
    }

    private static Stream Resource(string name) => typeof(AttributeKnowledge).Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"'{name}' is not embedded in the hub tool.");

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Bracketed();
}
