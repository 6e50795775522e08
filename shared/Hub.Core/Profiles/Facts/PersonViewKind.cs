namespace Hub.Core.Profiles.Facts;

/// <summary>What a person's view row holds.</summary>
internal static class PersonViewKind
{
    /// <summary>A copy of the person's own facts: their whole profile, read with one point read.</summary>
    public const string Facts = "facts";

    /// <summary>
    /// A golden person whose profile draws on resolution rows: a copy of their own facts and of every member's, with the
    /// member keys, sealed with the golden person's data key. Written by the resolver after the rows it follows from.
    /// </summary>
    public const string Golden = "golden";

    /// <summary>A key whose records belong to another person: the golden person's key, whose view holds the profile.</summary>
    public const string Linked = "linked";

    /// <summary>The facts were too large to copy into one property; the reader reads the facts.</summary>
    public const string TooLarge = "too-large";

    /// <summary>
    /// A marker: the person's resolution rows (a link, members, an index row) are changing, so the reader reads the facts
    /// and follows them. Written ahead of the rows it stands for, and replaced only by the resolver once they are written
    /// (<see cref="Golden"/> or <see cref="Linked"/>), never by a merge's copy.
    /// </summary>
    public const string Resolved = "resolved";
}
