using Hub.Core.Identity.Resolution;
using Hub.Core.Storage;

namespace Hub.Core.Profiles.Facts;

/// <summary>
/// The link row of a key (<c>{personKey}|~link</c>): the golden person its records belong to and how that was decided.
/// A key without a link row is its own golden person, decided by its valid ID number. A record kept without a usable
/// ID always gets one when it has been matched.
/// </summary>
internal sealed class LinkEntity : StoredEntity
{
    public string PersonKey { get; set; } = string.Empty;

    /// <summary>The golden person: the key itself for a person of its own (no match, a rejected or split link).</summary>
    public string Golden { get; set; } = string.Empty;

    /// <summary>One of <c>MatchOutcome</c>, as a word.</summary>
    public string Outcome { get; set; } = string.Empty;

    /// <summary>One of <see cref="LinkDecider"/>, as a word.</summary>
    public string Decider { get; set; } = string.Empty;

    /// <summary>The matcher's score for the golden person (or the best candidate), when the matcher decided.</summary>
    public double? Score { get; set; }

    /// <summary>For a possible match: the candidate persons and their scores, as JSON.</summary>
    public string? Candidates { get; set; }

    public string DecidedBy { get; set; } = string.Empty;

    public DateTimeOffset DecidedAt { get; set; }

    public string? Reason { get; set; }

    /// <summary>True when the key's records belong to another person. A method: the table client stores properties.</summary>
    public bool LinksElsewhere() => !string.Equals(Golden, PersonKey, StringComparison.Ordinal);

    public static LinkEntity FromRow(StoredRow row) => row.Fill(new LinkEntity
    {
        PersonKey = row.GetString(nameof(PersonKey)) ?? string.Empty,
        Golden = row.GetString(nameof(Golden)) ?? string.Empty,
        Outcome = row.GetString(nameof(Outcome)) ?? string.Empty,
        Decider = row.GetString(nameof(Decider)) ?? string.Empty,
        Score = row.GetDouble(nameof(Score)),
        Candidates = row.GetString(nameof(Candidates)),
        DecidedBy = row.GetString(nameof(DecidedBy)) ?? string.Empty,
        DecidedAt = row.GetDateTimeOffset(nameof(DecidedAt)) ?? default,
        Reason = row.GetString(nameof(Reason)),
    });
}
