using System.Globalization;

namespace Hub.Cli;

/// <summary>What <c>hub audit events</c> asks the Hub for: a time range and optional user and person.</summary>
internal sealed record AuditEventFilter(DateTimeOffset From, DateTimeOffset To, string? User, string? PersonKey)
{
    public string QueryString()
    {
        var query = string.Create(CultureInfo.InvariantCulture, $"from={Uri.EscapeDataString(From.ToString("O", CultureInfo.InvariantCulture))}&to={Uri.EscapeDataString(To.ToString("O", CultureInfo.InvariantCulture))}");
        if (User is not null)
        {
            query += "&user=" + Uri.EscapeDataString(User);
        }

        if (PersonKey is not null)
        {
            query += "&personKey=" + Uri.EscapeDataString(PersonKey);
        }

        return query;
    }
}
