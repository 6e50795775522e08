namespace Hub.Cli;

/// <summary>Of a candidate's golden profile, only the key: the command prints no personal data.</summary>
internal sealed record QueueCandidateProfile(string PersonKey);
