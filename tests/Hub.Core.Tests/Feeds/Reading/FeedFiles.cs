using System.Text;
using Hub.Core.Feeds;
using Hub.Core.Feeds.Reading;

namespace Hub.Core.Tests.Feeds.Reading;

/// <summary>Reads a whole test feed through <see cref="FeedReader"/> the way the feed processor does.</summary>
internal static class FeedFiles
{
    public static async Task<List<FeedRow>> ReadAllAsync(byte[] body, string contentType, string configuredEncoding = "auto", Action<IReadOnlyList<string>>? onHeader = null)
    {
        Assert.True(FeedContentType.TryParse(contentType, out var type), $"content type {contentType} should be accepted");
        using var stream = new MemoryStream(body, writable: false);
        var rows = new List<FeedRow>();
        await foreach (var row in FeedReader.ReadAsync(stream, type, configuredEncoding, onHeader))
        {
            rows.Add(row);
        }

        return rows;
    }

    public static Task<List<FeedRow>> ReadAllAsync(string body, string contentType, string configuredEncoding = "auto", Action<IReadOnlyList<string>>? onHeader = null) =>
        ReadAllAsync(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(body), contentType, configuredEncoding, onHeader);
}
