namespace Hub.Core.Exchange;

/// <summary>
/// One attribute a change touched, with its value before and after. Values are personal data: they are stored and
/// given out only as the access policy renders them, never logged.
/// </summary>
/// <param name="Attribute">The attribute, as the source mappings name it (e.g. <c>personStatus</c>).</param>
/// <param name="Source">The source that states it, whose mapping gives its sensitivity and sharing type.</param>
/// <param name="Before">The value before the change; null when there was none.</param>
/// <param name="After">The value after the change; null when there is none.</param>
public sealed record AttributeChange(string Attribute, string Source, string? Before, string? After)
{
    /// <summary>Names the attribute and source, not the values.</summary>
    public override string ToString() => $"{Attribute} from {Source}";
}
