using System.Globalization;

namespace Hub.Core.Feeds.Batches;

/// <summary>
/// The identifier of a feed batch within its source, such as <c>20250301083000-3fa9c2d1</c>: the time it was received
/// (yyyyMMddHHmmss, UTC) and eight random hex digits, so a source's batches sort by time.
/// </summary>
public readonly record struct BatchId
{
    private const int Length = 23;

    private BatchId(string value) => Value = value;

    /// <summary>The identifier text.</summary>
    public string Value { get; }

    /// <summary>
    /// Accepts 23 characters of digits, lower-case hex letters and hyphens: the form the Hub writes, checked loosely
    /// enough that an id is never refused for its time part, strictly enough that a table key is never odd text.
    /// </summary>
    public static bool TryParse(string? text, out BatchId id)
    {
        id = default;
        if (text is null || text.Length != Length || !text.All(c => char.IsAsciiDigit(c) || char.IsAsciiHexDigitLower(c) || c == '-'))
        {
            return false;
        }

        id = new BatchId(text);
        return true;
    }

    /// <summary>When the batch was received, read from the id's time part; null when that part is not a time.</summary>
    public DateTimeOffset? ReceivedAt =>
        Value is { Length: Length } && DateTimeOffset.TryParseExact(Value.AsSpan(0, 14), "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : null;

    /// <inheritdoc />
    public override string ToString() => Value;
}
