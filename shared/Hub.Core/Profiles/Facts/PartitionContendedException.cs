namespace Hub.Core.Profiles.Facts;

/// <summary>
/// A fact partition changed under a merge on every attempt (<see cref="FactStore.MaxCommitAttempts"/>): the batch's
/// attempt stops and is retried later, when the other writers are done.
/// </summary>
public sealed class PartitionContendedException : Exception
{
    /// <summary>Creates the exception for <paramref name="partitionKey"/> after <paramref name="attempts"/> attempts.</summary>
    public PartitionContendedException(string partitionKey, int attempts)
        : base($"Fact partition {partitionKey} changed under the merge on each of {attempts} attempts.")
    {
        PartitionKey = partitionKey;
        Attempts = attempts;
    }

    /// <summary>Creates the exception with no partition named.</summary>
    public PartitionContendedException()
        : this(string.Empty, 0)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public PartitionContendedException(string message)
        : base(message) => PartitionKey = string.Empty;

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public PartitionContendedException(string message, Exception innerException)
        : base(message, innerException) => PartitionKey = string.Empty;

    /// <summary>The partition that kept changing.</summary>
    public string PartitionKey { get; }

    /// <summary>How many attempts were made.</summary>
    public int Attempts { get; }
}
