using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Hub.Core.Kernel;

/// <summary>
/// A grid (网格) inside a community, such as <c>G03</c>: 1 to 20 letters, digits or hyphens, kept upper-case so that
/// <c>g03</c> from one department and <c>G03</c> from another name the same grid.
/// </summary>
public readonly partial record struct GridCode
{
    private GridCode(string value) => Value = value;

    /// <summary>The grid code, upper-case.</summary>
    public string Value { get; }

    /// <summary>Normalises width and case; rejects empty text and characters other than letters, digits and hyphens.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out GridCode? grid)
    {
        grid = null;
        var value = text is null ? null : WidthFolding.Fold(text).Trim().ToUpperInvariant();
        if (value is null || !Pattern().IsMatch(value))
        {
            return false;
        }

        grid = new GridCode(value);
        return true;
    }

    /// <summary>Parses a grid code that must be valid.</summary>
    public static GridCode Parse(string text) =>
        TryParse(text, out var grid) ? grid.Value : throw new FormatException("A grid code is 1 to 20 letters, digits or hyphens, e.g. G03.");

    /// <inheritdoc />
    public override string ToString() => Value;

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{0,19}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
