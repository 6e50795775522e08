using System.Globalization;

namespace Hub.Core.Kernel;

/// <summary>
/// The "collect once, share many" key of a person: a keyed hash of the resident ID number, safe to use as a
/// table key, a URL segment or a log field because it cannot be turned back into the number without the pepper.
/// </summary>
public readonly record struct PersonKey
{
    /// <summary>Number of storage partitions person data is spread over.</summary>
    /// <remarks>
    /// About a thousand: a 100,000-row feed then puts about a hundred records in each partition, which fills
    /// whole 100-entity table transactions, while a single person stays one point read.
    /// </remarks>
    public const int PartitionCount = 1024;

    /// <summary>The form of a written key, as a regular expression: 32 lower-case hex characters.</summary>
    public const string JsonPattern = "^[0-9a-f]{32}$";

    private const int Length = 32;

    private PersonKey(string value) => Value = value;

    /// <summary>32 lower-case hex characters (128 bits of HMAC-SHA256).</summary>
    public string Value { get; }

    /// <summary>The partition of person data this key belongs to, 0 to <see cref="PartitionCount"/> - 1.</summary>
    public int Partition => int.Parse(Value.AsSpan(0, 3), NumberStyles.HexNumber, CultureInfo.InvariantCulture) % PartitionCount;

    /// <summary>Table partition key for person data: <c>p</c> and three hex digits.</summary>
    public string PartitionKey => FormatPartition(Partition);

    /// <summary>Formats a partition number as a table partition key.</summary>
    public static string FormatPartition(int partition) => string.Create(CultureInfo.InvariantCulture, $"p{partition:x3}");

    /// <summary>Wraps a key computed earlier; rejects anything that is not 32 lower-case hex characters.</summary>
    public static bool TryParse(string? text, out PersonKey key)
    {
        key = default;
        if (text is null || text.Length != Length || !text.All(char.IsAsciiHexDigitLower))
        {
            return false;
        }

        key = new PersonKey(text);
        return true;
    }

    /// <summary>Wraps a key computed earlier.</summary>
    public static PersonKey Parse(string text) =>
        TryParse(text, out var key) ? key : throw new FormatException("A person key is 32 lower-case hex characters.");

    internal static PersonKey FromHash(ReadOnlySpan<byte> hash) => new(Convert.ToHexStringLower(hash[..(Length / 2)]));

    /// <inheritdoc />
    public override string ToString() => Value;
}
