namespace Hub.Core.Checks;

/// <summary>How long a benefit may run on after a death or move out before it is a contradiction.</summary>
public enum StatusGrace
{
    /// <summary>Not a day: any day of validity after the status began counts.</summary>
    None = 1,

    /// <summary>To the end of the month the status began in: departments pay by the month and end a benefit then.</summary>
    EndOfMonth = 2,
}
