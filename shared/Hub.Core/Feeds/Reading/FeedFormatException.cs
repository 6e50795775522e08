namespace Hub.Core.Feeds.Reading;

/// <summary>A feed file is broken beyond one row: its structure cannot be read past <see cref="Row"/>.</summary>
public sealed class FeedFormatException : Exception
{
    /// <summary>Creates the exception; <paramref name="message"/> must not quote file content.</summary>
    public FeedFormatException(long row, string message, Exception? innerException = null)
        : base(message, innerException) => Row = row;

    /// <summary>Creates an exception with no row.</summary>
    public FeedFormatException()
    {
    }

    /// <summary>Creates an exception with no row.</summary>
    public FeedFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with no row.</summary>
    public FeedFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The row the file broke at.</summary>
    public long Row { get; }
}
