namespace Hub.Cli.Drafting;

/// <summary>Headers of a column holding one part of an address, and what follows a part that is a bare number.</summary>
internal sealed record AddressPart(IReadOnlyList<string> Headers, string Suffix);
