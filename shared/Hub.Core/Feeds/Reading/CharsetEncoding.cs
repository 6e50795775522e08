using System.Text;

namespace Hub.Core.Feeds.Reading;

/// <summary>Resolves the charsets departmental CSV files come in, and guesses one when none is declared.</summary>
public static class CharsetEncoding
{
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
    public static Encoding Detect(ReadOnlySpan<byte> head, string? declaredCharset, string configured)
    {
        if (declaredCharset is not null && Resolve(declaredCharset) is { } declared)
        {
            return declared;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Encoding.UTF8;
        }

        if (configured != "auto" && Resolve(configured) is { } fixedEncoding)
        {
            return fixedEncoding;
        }

        return LooksLikeUtf8(head) ? Encoding.UTF8 : Gb18030;
    }

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
