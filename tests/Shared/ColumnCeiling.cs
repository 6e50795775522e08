using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Tests.Shared;

/// <summary>
/// A pipeline policy for table clients that holds rows to the columns Azure takes, which the emulator does not: 252
/// besides the keys and the time. A transaction with a change that would take a row past them is refused as Azure
/// refuses it (answered 202 with its change set answered 400 <c>TooManyProperties</c>, naming the change), and nothing
/// of it is written. Only transactions are held to it: the Hub writes rows whose columns data names in transactions.
/// </summary>
/// <remarks>
/// The refusal is the emulator's own answer to the same transaction sent to a table that does not exist (so it writes
/// nothing), with its change set's answer replaced: an answer made up in the pipeline would lack what the client needs
/// to read a refusal's code and index.
/// </remarks>
internal sealed partial class ColumnCeiling(string connectionString, int columns = 252) : HttpPipelinePolicy
{
    private readonly TableServiceClient _store = new(connectionString);
    private int _refused;

    /// <summary>Writes refused so far.</summary>
    public int Refused => Volatile.Read(ref _refused);

    /// <summary>Replaces the Hub's table client with one that carries this ceiling (and the Hub's operation counter).</summary>
    public void AddTo(IServiceCollection services) => services.AddTableClientWith(connectionString, this);

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (!message.Request.Uri.Path.EndsWith("/$batch", StringComparison.Ordinal) || message.Request.Content is null)
        {
            await ProcessNextAsync(message, pipeline);
            return;
        }

        using var body = new MemoryStream();
        await message.Request.Content.WriteToAsync(body, CancellationToken.None);
        var text = Encoding.UTF8.GetString(body.ToArray());
        var writes = InnerRequest().Matches(text).Select(m => Write.Of(m.Groups["method"].Value, Uri.UnescapeDataString(m.Groups["path"].Value), m.Groups["body"].Value)).ToList();
        for (var index = 0; index < writes.Count; index++)
        {
            if (writes[index] is { } write && await ColumnsAfterAsync(write) > columns)
            {
                Interlocked.Increment(ref _refused);
                message.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(TableName().Replace(text, "${verb}nosuchtable")));
                await ProcessNextAsync(message, pipeline);
                message.Response.ContentStream = new MemoryStream(Encoding.UTF8.GetBytes(Refusal(message.Response.Headers.ContentType, index)));
                return;
            }
        }

        await ProcessNextAsync(message, pipeline);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    // The columns the row would hold after the write: a merge keeps the row's own.
    private async Task<int> ColumnsAfterAsync(Write write)
    {
        var names = new HashSet<string>(write.Columns, StringComparer.Ordinal);
        if (write.Merges)
        {
            var stored = await _store.GetTableClient(write.Table).GetEntityIfExistsAsync<TableEntity>(write.PartitionKey, write.RowKey);
            if (stored.HasValue)
            {
                names.UnionWith(stored.Value!.Keys.Where(IsColumn));
            }
        }

        return names.Count;
    }

    private static bool IsColumn(string name) =>
        name is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag") && !name.StartsWith("odata.", StringComparison.Ordinal) && !name.EndsWith("@odata.type", StringComparison.Ordinal);

    // A transaction's refusal as Azure answers it: one change set answered 400, naming the change.
    private static string Refusal(string? contentType, int index)
    {
        var boundary = contentType?.Split("boundary=") is [_, var b] ? b.Trim() : throw new InvalidOperationException("A transaction's answer names no boundary.");
        var changeSet = "changesetresponse_" + Guid.NewGuid();
        return string.Join("\r\n",
            $"--{boundary}",
            $"Content-Type: multipart/mixed; boundary={changeSet}",
            string.Empty,
            $"--{changeSet}",
            "Content-Type: application/http",
            "Content-Transfer-Encoding: binary",
            string.Empty,
            "HTTP/1.1 400 Bad Request",
            $"Content-ID: {index + 1}",
            "DataServiceVersion: 3.0;",
            "Content-Type: application/json;odata=minimalmetadata;charset=utf-8",
            string.Empty,
            Error(index),
            $"--{changeSet}--",
            $"--{boundary}--",
            string.Empty);
    }

    private static string Error(int index) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["odata.error"] = new { code = "TooManyProperties", message = new { lang = "en-US", value = $"{index}:The entity contains more properties than allowed." } },
    });

    [GeneratedRegex(@"(?<method>POST|PUT|PATCH|MERGE) \S+?(?<path>/[A-Za-z0-9]+(?:\([^ ?]*\))?)(?:\?[^ ]*)? HTTP/1\.1\r?\n(?:[^\r\n]+\r?\n)*\r?\n(?<body>\{[^\r\n]*\})")]
    private static partial Regex InnerRequest();

    [GeneratedRegex(@"(?<verb>(?:POST|PUT|PATCH|MERGE|DELETE) \S+?/)[A-Za-z0-9]+(?=[(?] |[(?][^ ]* HTTP/1\.1)")]
    private static partial Regex TableName();

    [GeneratedRegex(@"^/(?:[^/]+/)?(?<table>[A-Za-z0-9]+)(?:\(PartitionKey='(?<pk>(?:[^']|'')*)',RowKey='(?<rk>(?:[^']|'')*)'\))?$")]
    private static partial Regex EntityPath();

    // One write: its table, its row and the columns it names.
    private sealed record Write(string Table, string PartitionKey, string RowKey, bool Merges, IReadOnlyList<string> Columns)
    {
        public static Write? Of(string method, string path, string body)
        {
            var match = EntityPath().Match(path);
            if (!match.Success || body.Length == 0 || body[0] != '{')
            {
                return null;
            }

            using var json = JsonDocument.Parse(body);
            var names = json.RootElement.EnumerateObject().Select(p => p.Name).ToList();
            var partition = match.Groups["pk"].Success ? match.Groups["pk"].Value.Replace("''", "'", StringComparison.Ordinal) : Text(json, "PartitionKey");
            var row = match.Groups["rk"].Success ? match.Groups["rk"].Value.Replace("''", "'", StringComparison.Ordinal) : Text(json, "RowKey");
            return partition is null || row is null
                ? null
                : new Write(match.Groups["table"].Value, partition, row, method is "PATCH" or "MERGE", [.. names.Where(IsColumn)]);
        }

        private static string? Text(JsonDocument json, string name) =>
            json.RootElement.TryGetProperty(name, out var value) ? value.GetString() : null;
    }
}
