using System.Text.RegularExpressions;

namespace Hub.Core.Feeds.Sources;

/// <summary>A field's <see cref="FieldMapping.Pattern"/>, compiled once: the named group the field takes.</summary>
internal sealed class FieldPattern
{
    // The pattern is the operator's, the text is the department's: a bound keeps a pathological pair from stalling a batch.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    private readonly Regex _regex;
    private readonly string _group;

    private FieldPattern(Regex regex, string group)
    {
        _regex = regex;
        _group = group;
    }

    /// <summary>Compiles a pattern; the error says what is wrong with it, for the mapping's validation.</summary>
    public static FieldPattern? TryCreate(string pattern, out string? error)
    {
        Regex regex;
        try
        {
            regex = new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException ex)
        {
            error = $"is not a valid regular expression ({ex.Message})";
            return null;
        }

        var named = regex.GetGroupNames().Where(n => !int.TryParse(n, out _)).ToList();
        if (named.Count != 1)
        {
            error = "must have exactly one named group, the part the field takes, e.g. (?<id>.{18})";
            return null;
        }

        error = null;
        return new FieldPattern(regex, named[0]);
    }

    /// <summary>The part of <paramref name="value"/> the named group matched; null when the pattern does not match.</summary>
    public string? Take(string value)
    {
        try
        {
            var match = _regex.Match(value);
            return match.Success && match.Groups[_group].Success ? match.Groups[_group].Value : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }
}
