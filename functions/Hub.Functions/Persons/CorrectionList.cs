namespace Hub.Functions.Persons;

/// <summary>The correction requests routed to the caller's department, newest first.</summary>
internal sealed record CorrectionList(string Department, IReadOnlyList<CorrectionView> Items);
