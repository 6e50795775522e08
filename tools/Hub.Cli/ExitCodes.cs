namespace Hub.Cli;

/// <summary>The exit codes of <c>hub</c>, stable so scripts and schedulers can branch on them.</summary>
public static class ExitCodes
{
    /// <summary>Done: the batch completed, the file is valid, the command succeeded.</summary>
    public const int Success = 0;

    /// <summary>The batch failed or rejected rows, the file would have rejected rows, or something fatal happened.</summary>
    public const int Failed = 1;

    /// <summary>The command line is wrong: unknown option, missing argument, file not found.</summary>
    public const int Usage = 2;

    /// <summary>The Hub answered with an HTTP error (its problem title and detail are printed).</summary>
    public const int HubError = 3;

    /// <summary>The Hub could not be reached.</summary>
    public const int Unreachable = 4;

    /// <summary>The snapshot is held: applying it would end-date too much of the register; a person confirms or discards it.</summary>
    public const int Held = 5;
}
