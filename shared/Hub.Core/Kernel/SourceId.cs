using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Hub.Core.Kernel;

/// <summary>The identifier of a departmental source, such as <c>civil-affairs</c>: lower-case letters, digits and hyphens.</summary>
public readonly partial record struct SourceId : IParsable<SourceId>
{
    private SourceId(string value) => Value = value;

    /// <summary>The identifier text.</summary>
    public string Value { get; }

    /// <summary>Accepts 2 to 40 characters: a lower-case letter, then lower-case letters, digits or hyphens.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out SourceId? id)
    {
        id = null;
        if (text is null || !Pattern().IsMatch(text))
        {
            return false;
        }

        id = new SourceId(text);
        return true;
    }

    /// <summary>Parses an identifier that must be valid.</summary>
    public static SourceId Parse(string text) =>
        TryParse(text, out var id) ? id.Value : throw new FormatException("A source id is 2 to 40 lower-case letters, digits or hyphens, starting with a letter.");

    // For the binding of a route value, which looks for this exact signature.
    static bool IParsable<SourceId>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out SourceId result)
    {
        result = TryParse(s, out var id) ? id.Value : default;
        return id is not null;
    }

    static SourceId IParsable<SourceId>.Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc />
    public override string ToString() => Value;

    [GeneratedRegex("^[a-z][a-z0-9-]{1,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
