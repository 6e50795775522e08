namespace Hub.Samples.Quality;

/// <summary>What happened to one matching row, judged against the truth.</summary>
internal enum RowOutcome
{
    /// <summary>Linked automatically to its own person.</summary>
    LinkedCorrectly = 1,

    /// <summary>Linked automatically to someone else.</summary>
    LinkedWrongly,

    /// <summary>Queued with its own person among the candidates.</summary>
    QueuedWithTruth,

    /// <summary>Queued without its own person among the candidates.</summary>
    QueuedWithoutTruth,

    /// <summary>Made a provisional person.</summary>
    NewPerson,
}
