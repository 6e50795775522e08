using System.Globalization;

namespace Hub.Cli;

/// <summary>What <c>hub queue</c> asks the Hub for: the filters, the order and the page size.</summary>
internal sealed record QueueFilter(string? Source, double? MinScore, double? MaxScore, string Sort, int PageSize)
{
    public string QueryString(string? continuation)
    {
        var query = string.Create(CultureInfo.InvariantCulture, $"sort={Sort}&pageSize={PageSize}");
        if (Source is not null)
        {
            query += "&source=" + Uri.EscapeDataString(Source);
        }

        if (MinScore is { } min)
        {
            query += string.Create(CultureInfo.InvariantCulture, $"&minScore={min:R}");
        }

        if (MaxScore is { } max)
        {
            query += string.Create(CultureInfo.InvariantCulture, $"&maxScore={max:R}");
        }

        return continuation is null ? query : query + "&continuation=" + Uri.EscapeDataString(continuation);
    }
}
