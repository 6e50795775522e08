namespace Hub.Core.Protection;

/// <summary>A stored value that cannot be opened: tampered with, moved, or its key is gone. The message never holds the value.</summary>
public sealed class SealedValueException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public SealedValueException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>, which must not hold a value.</summary>
    public SealedValueException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public SealedValueException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
