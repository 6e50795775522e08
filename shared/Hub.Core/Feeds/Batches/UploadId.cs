using System.Security.Cryptography;

namespace Hub.Core.Feeds.Batches;

/// <summary>
/// The identifier of one large-feed upload within its source: 32 random lower-case hex digits. It names the uploaded
/// file too, so a file name carries nothing of what the file holds.
/// </summary>
public readonly record struct UploadId
{
    private const int Length = 32;

    private UploadId(string value) => Value = value;

    /// <summary>The identifier text.</summary>
    public string Value { get; }

    /// <summary>A new random identifier.</summary>
    public static UploadId New() => new(RandomNumberGenerator.GetHexString(Length, lowercase: true));

    /// <summary>Accepts exactly 32 lower-case hex digits, the form <see cref="New"/> makes.</summary>
    public static bool TryParse(string? text, out UploadId id)
    {
        id = default;
        if (text is null || text.Length != Length || !text.All(char.IsAsciiHexDigitLower))
        {
            return false;
        }

        id = new UploadId(text);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Value;
}
