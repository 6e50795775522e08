namespace Hub.Core.Kernel;

/// <summary>
/// A converter that writes a domain value as one string of a known form, so that a description of the JSON (the
/// OpenAPI document) can say "a string matching this pattern" instead of the value type's members.
/// </summary>
public interface IStringValueJsonConverter
{
    /// <summary>The regular expression (ECMA 262, anchored) every written value matches.</summary>
    string Pattern { get; }
}
