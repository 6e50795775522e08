using Hub.Core.Feeds.Sources;

namespace Hub.Cli.Drafting;

/// <summary>A field of the draft, mapped or suggested, and why, in words that quote no value.</summary>
/// <param name="Field">The field as the mapping file holds it.</param>
/// <param name="Outcome">Mapped, or suggested (written commented out).</param>
/// <param name="Reason">Why the draft proposes it.</param>
/// <param name="Order">Where it goes among the fields: its column's position, so the draft reads like the export.</param>
internal sealed record DraftField(FieldMapping Field, DraftOutcome Outcome, string Reason, double Order);
