namespace Hub.Cli;

/// <summary>The Hub answered a request with an error status; its problem-details title and detail say why.</summary>
internal sealed class HubRequestException(int status, string title, string? detail)
    : Exception($"The Hub answered {status} {title}")
{
    public int Status { get; } = status;

    public string Title { get; } = title;

    public string? Detail { get; } = detail;
}
