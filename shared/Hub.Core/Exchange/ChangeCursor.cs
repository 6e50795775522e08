using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Hub.Core.Exchange;

/// <summary>A position in the change feed: the sequence of the next event to read. Written as its decimal digits.</summary>
public readonly record struct ChangeCursor
{
    private const int MaxDigits = 15;

    /// <summary>A cursor at <paramref name="position"/>.</summary>
    public ChangeCursor(long position)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        Position = position;
    }

    /// <summary>The sequence of the next event to read.</summary>
    public long Position { get; }

    /// <summary>Accepts 1 to 15 ASCII digits.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ChangeCursor? cursor)
    {
        cursor = null;
        if (text is not { Length: > 0 and <= MaxDigits } || !text.All(char.IsAsciiDigit))
        {
            return false;
        }

        cursor = new ChangeCursor(long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture));
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Position.ToString(CultureInfo.InvariantCulture);
}
