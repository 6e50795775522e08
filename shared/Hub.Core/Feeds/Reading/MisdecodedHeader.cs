using System.Text;

namespace Hub.Core.Feeds.Reading;

/// <summary>
/// Tells when a header row that does not fit its mapping was read in the wrong encoding, so the batch fails naming the
/// encoding and the charset that fits, not only "lacks required columns". Looked at only after the header failed, so a
/// file that reads well is never second-guessed.
/// </summary>
internal static class MisdecodedHeader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Encoding StrictGb18030 = Encoding.GetEncoding(CharsetEncoding.Gb18030.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    /// <summary>Why the header row reads as garbled text, and what to send instead; null when it does not.</summary>
    public static string? Explain(ReadOnlySpan<byte> head, Encoding used, string why)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            head = head[3..];
        }

        var end = head.IndexOf((byte)'\n');
        var line = end < 0 ? head : head[..end];
        if (!line.ContainsAnyExceptInRange((byte)0, (byte)0x7F))
        {
            return null;
        }

        var name = CharsetEncoding.DisplayName(used);
        if (used.CodePage != Encoding.UTF8.CodePage)
        {
            return Decodes(StrictUtf8, line) is { } text && HasHan(text)
                ? $"the header row is UTF-8 text read as {name} (because {why}), so its column names are garbled; push the file with charset=utf-8, or with no charset to let the Hub tell"
                : null;
        }

        // UTF-8 that decodes to Latin-1 letters rather than Chinese: GB18030 (or UTF-8) text once read as Latin-1 and saved
        // again as UTF-8 by a tool on the way. Its bytes cannot be read back here; the export must be made again.
        var decoded = Encoding.UTF8.GetString(line);
        if (HasHan(decoded) || !decoded.Any(c => c is >= '\u0080' and <= '\u00FF') || decoded.Any(c => c > '\u00FF'))
        {
            return null;
        }

        var original = Encoding.Latin1.GetBytes(decoded);
        var was = Decodes(StrictGb18030, original) is { } gb && HasHan(gb) ? "GB18030" : Decodes(StrictUtf8, original) is { } utf && HasHan(utf) ? "UTF-8" : null;
        return was is null
            ? null
            : $"the header row is garbled (mojibake): it is {was} text that a tool read as Latin-1 and saved again as UTF-8 before it reached the Hub; export the file again, as UTF-8 or GB18030, without converting it";
    }

    private static string? Decodes(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static bool HasHan(string text) => text.Any(c => c is >= '\u4E00' and <= '\u9FFF');
}
