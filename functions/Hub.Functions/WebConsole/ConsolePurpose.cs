namespace Hub.Functions.WebConsole;

/// <summary>A purpose a user may declare, as the access policy lists it.</summary>
internal sealed record ConsolePurpose(string Id, string Label);
