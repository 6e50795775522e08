using System.Net;
using System.Text;

namespace Hub.Cli.Tests;

/// <summary>Answers the client's requests in-process, and records them, so Hub conversations are tested offline.</summary>
internal sealed class StubHub(Func<HttpRequestMessage, int, HttpResponseMessage> answer) : HttpMessageHandler
{
    public List<(HttpRequestMessage Request, byte[] Body)> Requests { get; } = [];

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, status >= HttpStatusCode.BadRequest ? "application/problem+json" : "application/json") };

    public static string Report(string status, long received = 0, long rejected = 0, string? failure = null)
    {
        var rejections = rejected > 0 ? """{"row":3,"field":"公民身份号码","reason":"ID number fails its check character (ISO 7064 MOD 11-2)"}""" : string.Empty;
        var reason = failure is null ? "null" : "\"" + failure + "\"";
        return $$$"""
            {"id":"20261123150405-3fa9c2d1","source":"police","mode":"delta","status":"{{{status}}}","repeated":false,
             "receivedAt":"2026-11-23T15:04:05+00:00","finishedAt":null,"payloadBytes":1536,
             "counts":{"received":{{{received}}},"inserted":{{{received - rejected}}},"updated":0,"unchanged":0,"rejected":{{{rejected}}},"endDated":0},
             "firstRejections":[{{{rejections}}}],"ignoredColumns":[],"failureReason":{{{reason}}},
             "links":{"self":"/api/feeds/police/batches/20261123150405-3fa9c2d1","rejects":"/api/feeds/police/batches/20261123150405-3fa9c2d1/rejects"}}
            """;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        int count;

        // Blocks of an upload arrive in parallel.
        lock (Requests)
        {
            Requests.Add((request, body));
            count = Requests.Count;
        }

        return answer(request, count);
    }
}
