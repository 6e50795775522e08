namespace Hub.Cli.Drafting;

/// <summary>A code list of the draft: labels and their Hub codes, and where they come from.</summary>
/// <param name="Name">The list's name, as fields name it.</param>
/// <param name="Entries">Label → Hub code, in order.</param>
/// <param name="Reason">Where the labels and codes come from, and what is left to fill in.</param>
internal sealed record DraftCodeList(string Name, IReadOnlyList<KeyValuePair<string, string>> Entries, string Reason);
