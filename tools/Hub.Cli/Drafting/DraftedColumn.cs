namespace Hub.Cli.Drafting;

/// <summary>What the draft did with one column, as the summary and <c>--json</c> show it. Never a value.</summary>
/// <param name="Column">The header (or "(column 3)" when it is empty or looks like a value itself).</param>
/// <param name="Outcome">Mapped, suggested or ignored.</param>
/// <param name="Attributes">The attributes it feeds or would feed.</param>
/// <param name="Reason">Why.</param>
internal sealed record DraftedColumn(string Column, DraftOutcome Outcome, IReadOnlyList<string> Attributes, string Reason);
