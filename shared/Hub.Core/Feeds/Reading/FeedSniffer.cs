using System.Text;

namespace Hub.Core.Feeds.Reading;

/// <summary>
/// Tells what the first bytes of a body look like, so a file sent as the wrong format fails with a reason that says
/// what it is ("an HTML page", "JSON") rather than a misleading one ("the header lacks columns").
/// </summary>
internal static class FeedSniffer
{
    /// <summary>How many bytes the sniffer looks at.</summary>
    public const int HeadBytes = 4096;

    /// <summary>What <paramref name="head"/> plainly is, when it is a well-known kind of file; null otherwise.</summary>
    public static string? Describe(ReadOnlySpan<byte> head)
    {
        var start = Content(head);
        if (start.IsEmpty)
        {
            return null;
        }

        if (start.StartsWith("PK\u0003\u0004"u8))
        {
            return "a ZIP archive, such as an XLSX workbook";
        }

        if (start.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]))
        {
            return "gzip-compressed data (send it with Content-Encoding: gzip)";
        }

        if (start.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
        {
            return "an old Excel (.xls) workbook; save it as .xlsx or CSV";
        }

        if (start.StartsWith("%PDF"u8))
        {
            return "a PDF document";
        }

        if (start[0] == (byte)'<')
        {
            var text = Encoding.ASCII.GetString(start[..Math.Min(start.Length, 1024)]).ToLowerInvariant();
            return text.Contains("<html", StringComparison.Ordinal) || text.Contains("<!doctype html", StringComparison.Ordinal)
                ? "an HTML page (an error or sign-in page saved in place of the export?)"
                : text.StartsWith("<?xml", StringComparison.Ordinal) ? "an XML document" : "HTML or XML markup";
        }

        return LooksLikeJson(start) ? (start[0] == (byte)'[' ? "a JSON array" : "JSON") : null;
    }

    /// <summary>The bytes after a UTF-8 byte order mark and leading white space.</summary>
    public static ReadOnlySpan<byte> Content(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            head = head[3..];
        }

        return head.TrimStart(" \t\r\n"u8);
    }

    private static bool LooksLikeJson(ReadOnlySpan<byte> start)
    {
        // A CSV header could begin with a bracket; JSON continues with a quote, a bracket or a value.
        var next = start[1..].TrimStart(" \t\r\n"u8);
        if (next.IsEmpty)
        {
            return false;
        }

        return start[0] switch
        {
            (byte)'{' => next[0] is (byte)'"' or (byte)'}',
            (byte)'[' => next[0] is (byte)'{' or (byte)'[' or (byte)'"' or (byte)']' or (byte)'-' or (>= (byte)'0' and <= (byte)'9'),
            _ => false,
        };
    }
}
