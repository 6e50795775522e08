namespace Hub.Cli;

/// <summary>A candidate of a possible match: the score now and the person's key (read from the profile the Hub sends).</summary>
internal sealed record QueueCandidateRow(double Score, QueueCandidateProfile Profile);
