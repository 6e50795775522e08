namespace Hub.Cli.Drafting;

/// <summary>The curated list (header-aliases.json): headers the shipped mappings do not list, address parts, ID suffixes.</summary>
internal sealed record CuratedHeaders
{
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Attributes { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public IReadOnlyList<AddressPart> AddressParts { get; init; } = [];

    public IReadOnlyDictionary<string, IReadOnlyList<SuffixDigit>> IdSuffixes { get; init; } = new Dictionary<string, IReadOnlyList<SuffixDigit>>();
}
