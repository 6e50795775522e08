namespace Hub.Cli.Drafting;

/// <summary>What one digit after the ID number in a longer number stands for: an attribute and its code list.</summary>
internal sealed record SuffixDigit(string Attribute, string CodeList, IReadOnlyDictionary<string, string> Codes);
