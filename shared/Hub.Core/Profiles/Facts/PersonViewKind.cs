namespace Hub.Core.Profiles.Facts;

/// <summary>What a person's view row holds.</summary>
internal static class PersonViewKind
{
    /// <summary>A copy of the person's own facts: their whole profile, read with one point read.</summary>
    public const string Facts = "facts";

    /// <summary>The facts were too large to copy into one property; the reader reads the facts.</summary>
    public const string TooLarge = "too-large";

    /// <summary>
    /// A marker: the person's profile draws on resolution rows (a link, members, an index row), so the reader reads the
    /// facts and follows them. Written with the resolution rows and never replaced by a copy.
    /// </summary>
    public const string Resolved = "resolved";
}
