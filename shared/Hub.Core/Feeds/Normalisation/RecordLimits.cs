using System.Globalization;
using System.Text.Json;
using Hub.Core.Storage;

namespace Hub.Core.Feeds.Normalisation;

/// <summary>The reasons a record is too large to store (see <see cref="FeedLimits"/>); null when it fits.</summary>
internal static class RecordLimits
{
    public static string? ValueTooLong(string value) => value.Length <= FeedLimits.MaxValueLength
        ? null
        : string.Create(CultureInfo.InvariantCulture, $"the value is {value.Length:N0} characters long; the most a value may be is {FeedLimits.MaxValueLength:N0}");

    public static string? RecordTooLong(IReadOnlyDictionary<string, string> attributes)
    {
        // Measured in the form it is stored in, escapes included.
        var length = JsonSerializer.Serialize(attributes, StorageJson.Options).Length;
        return length <= FeedLimits.MaxRecordLength
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"the record is {length:N0} characters long once normalised; the most a record may be is {FeedLimits.MaxRecordLength:N0}");
    }

    public static string? KeyTooLong(string escapedKey) => escapedKey.Length <= FeedLimits.MaxRecordKeyLength
        ? null
        : string.Create(CultureInfo.InvariantCulture, $"the record key is {escapedKey.Length:N0} characters long once escaped; the most it may be is {FeedLimits.MaxRecordKeyLength:N0}");
}
