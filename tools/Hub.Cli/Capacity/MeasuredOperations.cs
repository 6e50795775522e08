using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hub.Cli.Capacity;

/// <summary>
/// What the benchmarks measured, per ingested record and per read, as they write it to
/// <c>artifacts/bench/operations.json</c> (eng/bench.sh, eng/bench-reads.sh): storage requests and entities per table,
/// the billed size of a stored entity, the Hub's CPU per record and its read rate. The tool ships the figures of one
/// real run (<c>capacity-operations.json</c>); <c>--measured FILE</c> takes another.
/// </summary>
/// <param name="Source">Where the figures come from: the file, and when and how each part was measured.</param>
/// <param name="Ingest">Per table, per ingested record.</param>
/// <param name="IngestRequestsPerRecord">Every storage request per record (blobs and queues included).</param>
/// <param name="IngestCpuMillisecondsPerRecord">The Hub's CPU per ingested record.</param>
/// <param name="FeedBytesPerRecord">The raw feed's bytes per record, archived as a blob.</param>
/// <param name="Detail">A person detail read.</param>
/// <param name="List">A division list page.</param>
/// <param name="AuditBytesPerEntity">The billed size of an audit chain row and of a person-index row.</param>
internal sealed record MeasuredOperations(
    string Source,
    IReadOnlyDictionary<string, TableCost> Ingest,
    double IngestRequestsPerRecord,
    double IngestCpuMillisecondsPerRecord,
    double FeedBytesPerRecord,
    ReadCost Detail,
    ReadCost List,
    IReadOnlyDictionary<string, double> AuditBytesPerEntity)
{
    /// <summary>The scenario names the read benchmark writes.</summary>
    public const string DetailScenario = "person detail";

    /// <summary>The list scenario the model takes (first pages: they read the street's roster; next pages cost less).</summary>
    public const string ListScenario = "division list, first pages";

    private const string Shipped = "capacity-operations.json";

    /// <summary>The figures shipped with the tool.</summary>
    public static MeasuredOperations Default()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Shipped)
            ?? throw new InvalidOperationException($"The tool lacks its {Shipped}.");
        return Parse(JsonNode.Parse(stream), "shipped " + Shipped);
    }

    /// <summary>Reads a file the benchmarks wrote; a reason instead when it is not one.</summary>
    public static MeasuredOperations? TryRead(string path, out string? reason)
    {
        reason = null;
        try
        {
            return Parse(JsonNode.Parse(File.ReadAllText(path)), path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or InvalidDataException)
        {
            reason = ex is InvalidDataException ? ex.Message : $"cannot read it as the benchmarks' JSON ({ex.GetType().Name})";
            return null;
        }
    }

    /// <summary>The figures of one operations file; its <c>ingest</c> and <c>reads</c> sections are both needed.</summary>
    public static MeasuredOperations Parse(JsonNode? root, string name)
    {
        var ingest = root?["ingest"] as JsonObject ?? throw new InvalidDataException($"{name} has no 'ingest' section: run eng/bench.sh.");
        var reads = root?["reads"] as JsonObject ?? throw new InvalidDataException($"{name} has no 'reads' section: run eng/bench-reads.sh.");
        var tables = (ingest["tables"] as JsonObject ?? []).ToDictionary(
            t => t.Key,
            t => new TableCost(Number(t.Value, "requestsPerRecord"), Number(t.Value, "entitiesTouchedPerRecord"), Number(t.Value, "entitiesStoredPerRecord"), Number(t.Value, "bytesPerEntity")),
            StringComparer.Ordinal);
        var scenarios = reads["scenarios"] as JsonObject ?? throw new InvalidDataException($"{name}: 'reads' has no 'scenarios'.");
        var stored = reads["stored"] as JsonObject ?? [];
        var source = string.Create(
            CultureInfo.InvariantCulture,
            $"{name}: ingest {Text(ingest, "command")} at {Text(ingest, "measuredAt")}; reads {Text(reads, "command")} at {Text(reads, "measuredAt")}");
        return new MeasuredOperations(
            source,
            tables,
            Number(ingest, "requestsPerRecord"),
            Number(ingest, "cpuMillisecondsPerRecord"),
            Number(ingest, "payloadBytesPerRecord"),
            Read(scenarios, DetailScenario, name),
            Read(scenarios, ListScenario, name),
            new Dictionary<string, double>(StringComparer.Ordinal)
            {
                ["audit"] = Number(stored["audit"], "bytesPerEntity"),
                ["auditbyperson"] = Number(stored["auditbyperson"], "bytesPerEntity"),
            });
    }

    private static ReadCost Read(JsonObject scenarios, string scenario, string name)
    {
        var node = scenarios[scenario] ?? throw new InvalidDataException($"{name}: 'reads' has no scenario '{scenario}'.");
        var tables = (node["tables"] as JsonObject ?? []).ToDictionary(
            t => t.Key,
            t => new TableTouch(Number(t.Value, "requests"), Number(t.Value, "entities")),
            StringComparer.Ordinal);
        return new ReadCost(Number(node, "requestsPerRequest"), Number(node, "auditEventsPerRequest"), Number(node, "requestsPerSecond"), tables);
    }

    private static double Number(JsonNode? node, string property) =>
        node?[property] is JsonValue value && value.TryGetValue<double>(out var number) && double.IsFinite(number) && number >= 0 ? number : 0;

    private static string Text(JsonNode node, string property) => node[property] is JsonValue value && value.TryGetValue<string>(out var text) ? text : "?";
}

/// <summary>One table's share of an ingested record.</summary>
/// <param name="RequestsPerRecord">Storage requests (a transaction is one).</param>
/// <param name="EntitiesTouchedPerRecord">Entities read or written (a transaction's every entity).</param>
/// <param name="EntitiesStoredPerRecord">Entities the table holds afterwards, per record.</param>
/// <param name="BytesPerEntity">The billed size of a stored entity.</param>
internal sealed record TableCost(double RequestsPerRecord, double EntitiesTouchedPerRecord, double EntitiesStoredPerRecord, double BytesPerEntity);

/// <summary>One table's share of a read.</summary>
internal sealed record TableTouch(double Requests, double Entities);

/// <summary>What one read costs.</summary>
/// <param name="RequestsPerRequest">Storage requests in all.</param>
/// <param name="AuditEventsPerRequest">Audit events appended.</param>
/// <param name="RequestsPerSecond">The steady rate the benchmark measured.</param>
/// <param name="Tables">Per table.</param>
internal sealed record ReadCost(double RequestsPerRequest, double AuditEventsPerRequest, double RequestsPerSecond, IReadOnlyDictionary<string, TableTouch> Tables);
