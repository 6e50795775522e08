namespace Hub.Core.Feeds.Processing;

/// <summary>Raised while reading a payload that passes the configured size limit.</summary>
public sealed class PayloadTooLargeException : IOException
{
    /// <summary>Creates the exception.</summary>
    public PayloadTooLargeException()
        : base("The payload is larger than the configured limit (Hub:Feeds:MaxPayloadBytes).")
    {
    }

    /// <summary>Creates the exception.</summary>
    public PayloadTooLargeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public PayloadTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
