using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Hub.Core.Access;

/// <summary>
/// The declared purpose of a look at person data, such as <c>home-visit</c>. Conditional-sharing attributes
/// (有条件共享) are given only for a purpose the access policy lists; see <see cref="AccessPolicy.TryGetPurpose"/>.
/// </summary>
public readonly partial record struct Purpose
{
    private Purpose(string value) => Value = value;

    /// <summary>The purpose id: lower-case letters, digits and hyphens.</summary>
    public string Value { get; }

    /// <summary>Accepts the form of a purpose id (2 to 40 characters, a lower-case letter first); not whether the policy lists it.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Purpose? purpose)
    {
        purpose = null;
        if (text is null || !Pattern().IsMatch(text))
        {
            return false;
        }

        purpose = new Purpose(text);
        return true;
    }

    /// <summary>Parses a purpose id that must be well-formed.</summary>
    public static Purpose Parse(string text) =>
        TryParse(text, out var purpose) ? purpose.Value : throw new FormatException("A purpose id is 2 to 40 lower-case letters, digits or hyphens, starting with a letter.");

    /// <inheritdoc />
    public override string ToString() => Value;

    [GeneratedRegex("^[a-z][a-z0-9-]{1,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
