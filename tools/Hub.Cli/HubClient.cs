using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Hub.Core.Audit;
using Hub.Core.Feeds.Batches;
using Hub.Core.Quality;

namespace Hub.Cli;

/// <summary>The Hub's feeds, steward queue and audit APIs over HTTP. Error statuses become <see cref="HubRequestException"/> with the problem details.</summary>
internal sealed class HubClient(HttpClient http) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public async Task<HubAnswer<BatchReport>> PushAsync(string source, FeedMode mode, Stream content, long length, string contentType, bool gzip, CancellationToken cancellationToken)
    {
        using var body = new StreamContent(content, 64 * 1024);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        body.Headers.ContentLength = length;
        if (gzip)
        {
            body.Headers.ContentEncoding.Add("gzip");
        }

        var path = $"api/feeds/{Uri.EscapeDataString(source)}?mode={mode.ToString().ToLowerInvariant()}";
        using var response = await http.PostAsync(path, body, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<BatchReport>(response, cancellationToken).ConfigureAwait(false);
    }

    public async Task<HubAnswer<UploadGrant>> RequestUploadAsync(string source, FeedMode mode, string contentType, bool gzip, long length, CancellationToken cancellationToken)
    {
        var request = new { contentType, mode = mode.ToString().ToLowerInvariant(), contentEncoding = gzip ? "gzip" : null, length = gzip ? (long?)null : length };
        using var response = await http.PostAsJsonAsync($"api/feeds/{Uri.EscapeDataString(source)}/uploads", request, Json, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<UploadGrant>(response, cancellationToken).ConfigureAwait(false);
    }

    public async Task<HubAnswer<BatchReport>> TakeUploadAsync(UploadGrant upload, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync(upload.Batches.TrimStart('/'), content: null, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<BatchReport>(response, cancellationToken).ConfigureAwait(false);
    }

    public async Task<HubAnswer<BatchReport>> GetBatchAsync(string source, string batchId, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(BatchPath(source, batchId), cancellationToken).ConfigureAwait(false);
        return await ReadAsync<BatchReport>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Confirms or discards a held snapshot.</summary>
    public async Task<HubAnswer<BatchReport>> DecideBatchAsync(string source, string batchId, BatchDecisionKind decision, string reason, CancellationToken cancellationToken)
    {
        var verb = decision == BatchDecisionKind.Confirmed ? "confirm" : "discard";
        using var response = await http.PostAsJsonAsync($"{BatchPath(source, batchId)}/{verb}", new { reason }, Json, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<BatchReport>(response, cancellationToken).ConfigureAwait(false);
    }

    public async Task<HubAnswer<IReadOnlyList<BatchReport>>> ListBatchesAsync(string source, int top, CancellationToken cancellationToken)
    {
        var path = string.Create(CultureInfo.InvariantCulture, $"api/feeds/{Uri.EscapeDataString(source)}/batches?top={top}");
        using var response = await http.GetAsync(path, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<IReadOnlyList<BatchReport>>(response, cancellationToken).ConfigureAwait(false);
    }

    public async Task CopyRejectsAsync(string source, string batchId, Stream destination, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(BatchPath(source, batchId) + "/rejects", HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        await response.Content.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
    }

    public async Task<HubAnswer<AuditVerification>> VerifyAuditAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("api/audit/verify", new { from, to }, Json, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<AuditVerification>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every audit event the search finds, page by page.</summary>
    public async IAsyncEnumerable<AuditEventRow> SearchAuditAsync(AuditEventFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? continuation = null;
        do
        {
            var path = "api/audit/events?" + filter.QueryString() + "&pageSize=1000" + (continuation is null ? string.Empty : "&continuation=" + Uri.EscapeDataString(continuation));
            using var response = await http.GetAsync(path, cancellationToken).ConfigureAwait(false);
            var page = (await ReadAsync<AuditEventRowPage>(response, cancellationToken).ConfigureAwait(false)).Value;
            foreach (var row in page.Events)
            {
                yield return row;
            }

            continuation = page.Continuation;
        }
        while (continuation is not null);
    }

    public async Task CopyAuditExportAsync(AuditEventFilter filter, Stream destination, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("api/audit/events/export?" + filter.QueryString(), HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        await response.Content.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
    }

    public async Task<HubAnswer<AuditInclusionAnswer>> ProveInclusionAsync(long sequence, string? checkpoint, CancellationToken cancellationToken)
    {
        var path = string.Create(CultureInfo.InvariantCulture, $"api/audit/proofs/inclusion?sequence={sequence}")
            + (checkpoint is null ? string.Empty : "&checkpoint=" + Uri.EscapeDataString(checkpoint));
        using var response = await http.GetAsync(path, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<AuditInclusionAnswer>(response, cancellationToken).ConfigureAwait(false);
    }

    public async Task<HubAnswer<AuditConsistencyProof>> ProveConsistencyAsync(string from, string to, CancellationToken cancellationToken)
    {
        var path = $"api/audit/proofs/consistency?from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}";
        using var response = await http.GetAsync(path, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<AuditConsistencyProof>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A page of the steward queue.</summary>
    public async Task<HubAnswer<QueueRowPage>> GetQueuePageAsync(QueueFilter filter, string? continuation, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("api/resolution/queue?" + filter.QueryString(continuation), cancellationToken).ConfigureAwait(false);
        return await ReadAsync<QueueRowPage>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Posts a steward's bulk decision, <paramref name="body"/> being its JSON as the Hub takes it.</summary>
    public async Task<HubAnswer<DecisionResultRows>> DecideQueueAsync(string body, CancellationToken cancellationToken)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("api/resolution/decisions", content, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<DecisionResultRows>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Makes a subscription from <paramref name="request"/> (types, groups, divisions, purpose).</summary>
    public async Task<HubAnswer<JsonElement>> CreateSubscriptionAsync(object request, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("api/subscriptions", request, Json, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<JsonElement>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The caller's subscriptions.</summary>
    public async Task<HubAnswer<JsonElement>> ListSubscriptionsAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("api/subscriptions", cancellationToken).ConfigureAwait(false);
        return await ReadAsync<JsonElement>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends subscription <paramref name="id"/>.</summary>
    public async Task<HubAnswer<JsonElement>> EndSubscriptionAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await http.DeleteAsync($"api/subscriptions/{Uri.EscapeDataString(id)}", cancellationToken).ConfigureAwait(false);
        return await ReadAsync<JsonElement>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts or continues the pepper rotation and waits for it to finish.</summary>
    public async Task<HubAnswer<JsonElement>> RotatePersonKeysAsync(CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync("api/person-keys/rotation", content: null, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<JsonElement>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How far the pepper rotation has come.</summary>
    public async Task<HubAnswer<JsonElement>> GetPersonKeyRotationAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("api/person-keys/rotation", cancellationToken).ConfigureAwait(false);
        return await ReadAsync<JsonElement>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Where push subscription <paramref name="id"/>'s delivery stands, with its dead letters.</summary>
    public async Task<HubAnswer<JsonElement>> GetDeliveryAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"api/subscriptions/{Uri.EscapeDataString(id)}/delivery", cancellationToken).ConfigureAwait(false);
        return await ReadAsync<JsonElement>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Asks for dead letter <paramref name="letter"/> of subscription <paramref name="id"/> to be sent again.</summary>
    public async Task<HubAnswer<JsonElement>> RedriveAsync(string id, string letter, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync($"api/subscriptions/{Uri.EscapeDataString(id)}/dead-letters/{Uri.EscapeDataString(letter)}/redrive", content: null, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<JsonElement>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A page of subscription <paramref name="id"/>'s change feed from <paramref name="cursor"/> (its start when null).</summary>
    public async Task<HubAnswer<JsonElement>> ReadEventsAsync(string id, string? cursor, int limit, CancellationToken cancellationToken)
    {
        var query = string.Create(CultureInfo.InvariantCulture, $"limit={limit}") + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor));
        using var response = await http.GetAsync($"api/subscriptions/{Uri.EscapeDataString(id)}/events?{query}", cancellationToken).ConfigureAwait(false);
        return await ReadAsync<JsonElement>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A page of the caller's worklist.</summary>
    public async Task<HubAnswer<WorklistRowPage>> GetWorklistPageAsync(string? status, string? rule, string? continuation, CancellationToken cancellationToken)
    {
        var query = new List<string>();
        foreach (var (name, value) in new[] { ("status", status), ("rule", rule), ("continuationToken", continuation) })
        {
            if (value is not null)
            {
                query.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        using var response = await http.GetAsync("api/worklist" + (query.Count == 0 ? string.Empty : "?" + string.Join('&', query)), cancellationToken).ConfigureAwait(false);
        return await ReadAsync<WorklistRowPage>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Confirms or dismisses a worklist item.</summary>
    public async Task<HubAnswer<WorklistRow>> DecideWorklistAsync(string id, string status, string? reason, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync($"api/worklist/{Uri.EscapeDataString(id)}/decision", new { status, reason }, Json, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<WorklistRow>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the data subject's report of the person <paramref name="person"/> names ({residentId} or {personKey}) to <paramref name="destination"/>.</summary>
    public async Task CopySubjectReportAsync(object person, bool html, Stream destination, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/persons/subject-report") { Content = JsonContent.Create(person, options: Json) };
        request.Headers.Accept.ParseAdd(html ? "text/html" : "application/json");
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        await response.Content.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Files a correction request (a body of residentId or personKey, attribute, proposedValue, reason).</summary>
    public async Task<HubAnswer<JsonElement>> FileCorrectionAsync(JsonElement body, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("api/persons/corrections", body, Json, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<JsonElement>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The correction requests routed to the caller's department.</summary>
    public async Task<HubAnswer<JsonElement>> ListCorrectionsAsync(string? status, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("api/persons/corrections" + (status is null ? string.Empty : "?status=" + Uri.EscapeDataString(status)), cancellationToken).ConfigureAwait(false);
        return await ReadAsync<JsonElement>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Accepts or rejects a correction request routed to the caller's department.</summary>
    public async Task<HubAnswer<JsonElement>> DecideCorrectionAsync(string id, string decision, string answer, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync($"api/persons/corrections/{Uri.EscapeDataString(id)}/decision", new { decision, answer }, Json, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<JsonElement>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A department's data-quality figures, with its last <paramref name="top"/> completed batches as the trend.</summary>
    public async Task<HubAnswer<SourceQuality>> GetSourceQualityAsync(string source, int top, CancellationToken cancellationToken)
    {
        var path = string.Create(CultureInfo.InvariantCulture, $"api/quality/{Uri.EscapeDataString(source)}?top={top}");
        using var response = await http.GetAsync(path, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<SourceQuality>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How a batch moved its department's data-quality figures.</summary>
    public async Task<HubAnswer<BatchQualityReport>> GetBatchQualityAsync(string source, string batchId, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"api/quality/{Uri.EscapeDataString(source)}/batches/{Uri.EscapeDataString(batchId)}", cancellationToken).ConfigureAwait(false);
        return await ReadAsync<BatchQualityReport>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Copies a department's data-quality CSV export.</summary>
    public async Task CopyQualityExportAsync(string source, int top, Stream destination, CancellationToken cancellationToken)
    {
        var path = string.Create(CultureInfo.InvariantCulture, $"api/quality/export?source={Uri.EscapeDataString(source)}&top={top}");
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        await response.Content.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The division registry in force; only the divisions directly under <paramref name="parent"/> when given.</summary>
    public async Task<HubAnswer<JsonElement>> ListDivisionsAsync(string? parent, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("api/divisions" + (parent is null ? string.Empty : "?parent=" + Uri.EscapeDataString(parent)), cancellationToken).ConfigureAwait(false);
        return await ReadAsync<JsonElement>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One division with its path, successor, children and grids.</summary>
    public async Task<HubAnswer<JsonElement>> GetDivisionAsync(string code, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"api/divisions/{Uri.EscapeDataString(code)}", cancellationToken).ConfigureAwait(false);
        return await ReadAsync<JsonElement>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Loads a division registry file as the version in force.</summary>
    public async Task<HubAnswer<JsonElement>> LoadDivisionsAsync(byte[] file, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(file);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await http.PutAsync("api/divisions", content, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<JsonElement>(response, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => http.Dispose();

    private static string BatchPath(string source, string batchId) => $"api/feeds/{Uri.EscapeDataString(source)}/batches/{Uri.EscapeDataString(batchId)}";

    private static async Task<HubAnswer<T>> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        var json = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return new HubAnswer<T>(JsonSerializer.Deserialize<T>(json, Json) ?? throw new JsonException("empty answer"), json);
        }
        catch (JsonException ex)
        {
            throw new HubRequestException((int)response.StatusCode, "Unexpected answer", $"the body is not the JSON the Hub's API describes ({ex.Message})");
        }
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var status = (int)response.StatusCode;
        var title = response.ReasonPhrase ?? "Error";
        string? detail = null;
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var problem = JsonDocument.Parse(body);
            if (problem.RootElement.ValueKind == JsonValueKind.Object)
            {
                title = problem.RootElement.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : title;
                detail = problem.RootElement.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            }
        }
        catch (JsonException)
        {
            // Not problem details (a proxy's page, say): the status and reason phrase are all there is to tell.
        }

        throw new HubRequestException(status, title, detail);
    }
}
