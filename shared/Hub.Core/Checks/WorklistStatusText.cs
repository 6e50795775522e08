namespace Hub.Core.Checks;

/// <summary>The words a worklist status is written and asked for in: <c>open</c>, <c>confirmed</c>, <c>dismissed</c>, <c>resolved</c>.</summary>
public static class WorklistStatusText
{
    /// <summary>The word of <paramref name="status"/>.</summary>
    public static string Of(WorklistStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>Reads a status word exactly as <see cref="Of"/> writes it; false for anything else (other case, numbers).</summary>
    public static bool TryParse(string? text, out WorklistStatus status)
    {
        status = default;
        return text is not null
            && Enum.TryParse(text, ignoreCase: true, out status)
            && Enum.IsDefined(status)
            && string.Equals(Of(status), text, StringComparison.Ordinal);
    }
}
