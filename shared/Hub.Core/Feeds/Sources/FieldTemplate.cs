using System.Text.RegularExpressions;

namespace Hub.Core.Feeds.Sources;

/// <summary>A field's <see cref="FieldMapping.Template"/>: literal text with columns named in braces.</summary>
internal static partial class FieldTemplate
{
    /// <summary>The columns a template names, in order of first appearance; empty when it names none.</summary>
    public static IReadOnlyList<string> Columns(string template) =>
        [.. Placeholder().Matches(template).Select(m => m.Groups["column"].Value.Trim()).Distinct(StringComparer.Ordinal)];

    /// <summary>Whether braces are left that are not a <c>{column}</c>, such as <c>{</c> or <c>{}</c>.</summary>
    public static bool HasStrayBraces(string template) => Placeholder().Replace(template, string.Empty).AsSpan().IndexOfAny('{', '}') >= 0;

    /// <summary>The template with each column replaced by its value; null when any named column has no value.</summary>
    public static string? Render(string template, Func<string, string?> valueOf)
    {
        var complete = true;
        var rendered = Placeholder().Replace(template, match =>
        {
            var value = valueOf(match.Groups["column"].Value.Trim());
            complete &= value is not null;
            return value ?? string.Empty;
        });
        return complete ? rendered : null;
    }

    [GeneratedRegex(@"\{(?<column>[^{}]*[^{}\s][^{}]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
