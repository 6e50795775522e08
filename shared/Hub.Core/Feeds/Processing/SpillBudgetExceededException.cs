namespace Hub.Core.Feeds.Processing;

/// <summary>A batch needs more temporary disk than <c>Hub:Feeds:SpillBudgetBytes</c> allows it.</summary>
public sealed class SpillBudgetExceededException : IOException
{
    /// <summary>Creates the exception for a budget of <paramref name="budgetBytes"/>.</summary>
    public SpillBudgetExceededException(long budgetBytes)
        : base($"The feed needs more temporary disk than the {budgetBytes} bytes a batch may use while it is read (Hub:Feeds:SpillBudgetBytes); split it into smaller deltas.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public SpillBudgetExceededException()
        : base("The feed needs more temporary disk than a batch may use while it is read (Hub:Feeds:SpillBudgetBytes).")
    {
    }

    /// <summary>Creates the exception.</summary>
    public SpillBudgetExceededException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public SpillBudgetExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
