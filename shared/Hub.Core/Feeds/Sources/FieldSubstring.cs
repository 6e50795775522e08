namespace Hub.Core.Feeds.Sources;

/// <summary>
/// The part of a value a field takes, counted in characters as a clerk counts them: the first character is 1.
/// <c>{ "start": 19, "length": 2 }</c> takes the 19th and 20th characters.
/// </summary>
public sealed record FieldSubstring
{
    /// <summary>The first character taken, from 1.</summary>
    public int Start { get; init; } = 1;

    /// <summary>How many characters are taken; null for the rest of the value.</summary>
    public int? Length { get; init; }
}
