using System.Text;

namespace Hub.Core.Feeds.Reading;

/// <summary>Resolves the charsets departmental CSV files come in, and guesses one when none is declared.</summary>
public static class CharsetEncoding
{
    /// <summary>How many bytes of a file the guess looks at.</summary>
    public const int SniffBytes = 64 * 1024;

    /// <summary>
    /// What a decoder reading a feed puts in place of bytes that are not valid in its encoding, so the reader can tell
    /// the row and cell they were in; a file that holds U+FFFD itself has lost characters before it reached the Hub.
    /// </summary>
    internal const char InvalidBytesMarker = '\uFFFD';

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>GB18030: a superset of GBK and GB2312, so files labelled with either are read with it.</summary>
    public static Encoding Gb18030 { get; } = InitGb18030();

    /// <summary>The encoding for a declared charset, or null when the Hub does not read it.</summary>
    public static Encoding? Resolve(string charset) => charset.ToLowerInvariant() switch
    {
        "utf-8" or "utf8" => Encoding.UTF8,
        "gb18030" or "gbk" or "gb2312" or "cp936" => Gb18030,
        _ => null,
    };

    /// <summary>
    /// Picks the encoding of a CSV file: a declared charset wins, then a BOM, then the source's configured
    /// encoding; <c>auto</c> takes UTF-8 when the first bytes decode as UTF-8 and GB18030 otherwise.
    /// </summary>
    public static Encoding Detect(ReadOnlySpan<byte> head, string? declaredCharset, string configured) =>
        Choose(head, declaredCharset, configured).Encoding;

    /// <summary>As <see cref="Detect"/>, with the reason in words, for messages about bytes the encoding cannot read.</summary>
    internal static (Encoding Encoding, string Reason) Choose(ReadOnlySpan<byte> head, string? declaredCharset, string configured)
    {
        if (declaredCharset is not null && Resolve(declaredCharset) is { } declared)
        {
            return (declared, $"the request declared charset={declaredCharset}");
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (Encoding.UTF8, "the file starts with a UTF-8 byte order mark");
        }

        if (configured != "auto" && Resolve(configured) is { } fixedEncoding)
        {
            return (fixedEncoding, $"the source's mapping sets encoding {configured}");
        }

        return LooksLikeUtf8(head)
            ? (Encoding.UTF8, "its first 64 KB are valid UTF-8")
            : (Gb18030, "its first 64 KB are not valid UTF-8");
    }

    /// <summary>
    /// The same encoding, decoding bytes it cannot read as <see cref="InvalidBytesMarker"/> rather than throwing (which
    /// would end the file at the first bad byte) or writing '?' (which would pass as text).
    /// </summary>
    internal static Encoding ForReading(Encoding encoding) => encoding.CodePage == Encoding.UTF8.CodePage
        ? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false)
        : Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback(InvalidBytesMarker.ToString()));

    /// <summary>The name messages use for an encoding.</summary>
    internal static string DisplayName(Encoding encoding) => encoding.CodePage == Encoding.UTF8.CodePage ? "UTF-8" : "GB18030";

    private static bool LooksLikeUtf8(ReadOnlySpan<byte> head)
    {
        // The sample may end inside a multi-byte character. Decoding without flushing holds back only a genuinely
        // unfinished one; trimming tail bytes blindly would also drop invalid ones, such as a GB18030 character
        // that is the only non-ASCII text of a small file.
        try
        {
            StrictUtf8.GetDecoder().GetCharCount(head, flush: false);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static Encoding InitGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }
}
