using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Data.Tables.Sas;
using Hub.Core.Access;
using Hub.Core.Storage;

namespace Hub.Benchmarks;

/// <summary>
/// Chooses what the read benchmark reads, from what the load stored: fact entities for the raw baseline, persons
/// with a street officer of their street for the detail, and the streets and communities for the lists.
/// </summary>
internal static class ReadTargets
{
    public const string Purpose = "home-visit";

    // The samples' world is set on 2025-06-30 (PopulationOptions.ReferenceDate): the day every membership is active on.
    public const string ActiveOn = "2025-06-30";

    private const int RowsPerStreet = 1000;

    private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> Officers = new();

    /// <summary>
    /// GETs of single fact entities on Azurite's table endpoint, each with a read-only SAS in its URL, each from the table
    /// of <c>facts</c> the Hub keeps its partition in (<see cref="TableSplit"/>, as the Hub left to choose splits it).
    /// </summary>
    public static async Task<ReadScenario> RawEntityReadsAsync(TableServiceClient tables, CancellationToken cancellationToken = default)
    {
        var split = TableSplit.Facts(new HubStorageOptions().SplitTablesFor(tables));
        var requests = new List<ReadRequest>();
        var headers = new Dictionary<string, string> { ["Accept"] = "application/json;odata=nometadata" };
        Uri? origin = null;

        // Sixteen partitions spread over the 1,024, the first few hundred entities of each.
        for (var partition = 0; partition < 1024; partition += 64)
        {
            var key = Hub.Core.Kernel.PersonKey.FormatPartition(partition);
            var facts = tables.GetTableClient(split.TableName(string.Empty, split.TableOf(key)));
            var sas = facts.GenerateSasUri(new TableSasBuilder(facts.Name, TableSasPermissions.Read, DateTimeOffset.UtcNow.AddHours(2)));
            origin ??= new Uri(sas.GetLeftPart(UriPartial.Authority));
            await foreach (var page in facts.QueryAsync<TableEntity>(e => e.PartitionKey == key, maxPerPage: 200, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).AsPages())
            {
                requests.AddRange(page.Values.Where(e => !e.RowKey.Contains("|~", StringComparison.Ordinal)).Select(e =>
                    new ReadRequest($"{sas.AbsolutePath}(PartitionKey='{Key(e.PartitionKey)}',RowKey='{Key(e.RowKey)}'){sas.Query}", headers)));
                break;
            }
        }

        return new ReadScenario("raw Azurite entity GET", origin!, requests);
    }

    /// <summary>
    /// For reference beside the baseline: what person detail asks Azurite when it reads the facts (a person without a
    /// usable view row, e.g. one with links), one person's facts as a row-key range of one partition, with a read-only
    /// SAS, for the persons of <paramref name="entityReads"/>.
    /// </summary>
    public static ReadScenario RawPersonRanges(ReadScenario entityReads)
    {
        var requests = entityReads.Requests.Select(r =>
        {
            var (table, keys) = (r.Path[..r.Path.IndexOf('(', StringComparison.Ordinal)], r.Path[(r.Path.IndexOf('(', StringComparison.Ordinal) + 1)..r.Path.IndexOf(')', StringComparison.Ordinal)]);
            var sas = r.Path[(r.Path.IndexOf('?', StringComparison.Ordinal) + 1)..];
            var partition = Uri.UnescapeDataString(keys.Split(',')[0]["PartitionKey='".Length..^1]);
            var person = Uri.UnescapeDataString(keys.Split(',')[1]["RowKey='".Length..^1]).Split('|')[0];
            var filter = $"PartitionKey eq '{partition}' and RowKey ge '{person}|' and RowKey lt '{person}}}'";
            return r with { Path = $"{table}()?$filter={Uri.EscapeDataString(filter)}&{sas}" };
        });
        return new ReadScenario("raw Azurite person range query", entityReads.Origin, [.. requests.DistinctBy(r => r.Path)]);
    }

    /// <summary>Up to a thousand residents of every street, each with a token of a street officer there.</summary>
    public static async Task<IReadOnlyList<(string Street, string Community, string PersonKey)>> ResidentsAsync(TableServiceClient tables, CancellationToken cancellationToken = default)
    {
        // The Hub splits the resident index on the emulator, a street in one table of the split.
        var split = TableSplit.Residents(TableSplit.EmulatorTables);
        var found = new List<(string, string, string)>();
        for (var i = 0; i < split.Count; i++)
        {
            found.AddRange(await ResidentsAsync(tables.GetTableClient(split.TableName(string.Empty, i)), cancellationToken));
        }

        return [.. found.OrderBy(r => r.Item1, StringComparer.Ordinal)];
    }

    private static async Task<List<(string Street, string Community, string PersonKey)>> ResidentsAsync(TableClient residents, CancellationToken cancellationToken)
    {
        var found = new List<(string, string, string)>();
        string? after = null;
        while (true)
        {
            var filter = after is null ? null : TableClient.CreateQueryFilter($"PartitionKey gt {after}");
            var page = await residents.QueryAsync<TableEntity>(filter, maxPerPage: RowsPerStreet, select: ["PartitionKey", "RowKey", "PersonKey"], cancellationToken: cancellationToken)
                .AsPages().FirstOrDefaultAsync(cancellationToken);
            if (page is null || page.Values.Count == 0)
            {
                return found;
            }

            var street = page.Values[0].PartitionKey;
            found.AddRange(page.Values
                .Where(e => e.PartitionKey == street && !e.RowKey.StartsWith('~'))
                .Select(e => (street, street + e.RowKey.Split('|')[0], e.GetString("PersonKey"))));
            after = street;
        }
    }

    /// <summary>Person detail, each person read by a street officer of a street where they live or are registered.</summary>
    public static ReadScenario PersonDetails(Uri hub, IReadOnlyList<(string Street, string Community, string PersonKey)> residents) => new(
        "person detail",
        hub,
        [.. residents.DistinctBy(r => r.PersonKey).Select(r => new ReadRequest($"/api/persons/{r.PersonKey}?purpose={Purpose}", OfficerOf(r.Street)))]);

    /// <summary>
    /// Linked person detail: pairs of residents of one street merged by a data steward through the Hub (the seeded
    /// population has no links), then each kept person read by a street officer there. The kept person's profile holds
    /// both persons' facts, so it is what a linked person's detail costs.
    /// </summary>
    public static async Task<ReadScenario> LinkedPersonDetailsAsync(Uri hub, IReadOnlyList<(string Street, string Community, string PersonKey)> residents, int pairs, CancellationToken cancellationToken = default)
    {
        var chosen = residents
            .DistinctBy(r => r.PersonKey)
            .GroupBy(r => r.Street)
            .SelectMany(g => g.Chunk(2).Where(p => p.Length == 2).Take(4))
            .Take(pairs)
            .ToList();
        using var client = new HttpClient { BaseAddress = hub, Timeout = TimeSpan.FromMinutes(5) };
        var city = chosen.Count == 0 ? string.Empty : chosen[0][0].Street[..4] + "00000000";
        client.DefaultRequestHeaders.Authorization = new("Bearer", DevelopmentTokens.MintPersonal("bench-steward", [HubRoles.DataSteward], city, lifetime: TimeSpan.FromHours(4)));
        await Parallel.ForEachAsync(chosen, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (pair, token) =>
        {
            using var response = await client.PostAsJsonAsync("/api/resolution/persons/merge", new { from = pair[1].PersonKey, into = pair[0].PersonKey, reason = "benchmark" }, token);
            response.EnsureSuccessStatusCode();
        });

        return new ReadScenario(
            "linked person detail",
            hub,
            [.. chosen.Select(p => new ReadRequest($"/api/persons/{p[0].PersonKey}?purpose={Purpose}", OfficerOf(p[0].Street)))]);
    }

    /// <summary>First pages of 50 of every street's and community's residents, by a street officer there.</summary>
    public static ReadScenario FirstPages(Uri hub, IReadOnlyList<(string Street, string Community, string PersonKey)> residents) => new(
        "division list, first pages",
        hub,
        [
            .. residents.Select(r => r.Street).Distinct().Select(s => new ReadRequest(ListPath(s + "000"), OfficerOf(s))),
            .. residents.Select(r => (r.Street, r.Community)).Distinct().Select(c => new ReadRequest(ListPath(c.Community), OfficerOf(c.Street))),
        ]);

    /// <summary>The second pages of <paramref name="firstPages"/>, with the continuation tokens their first pages gave.</summary>
    public static async Task<ReadScenario> NextPagesAsync(ReadScenario firstPages, CancellationToken cancellationToken = default)
    {
        // A street's first page reads its roster cold, one range query of `residents`, which Azurite answers by filtering
        // the whole table: at 200,000 persons one such page can take minutes behind the others, so the setup waits.
        using var client = new HttpClient { BaseAddress = firstPages.Origin, Timeout = TimeSpan.FromMinutes(30) };
        var next = new ConcurrentBag<ReadRequest>();
        var cold = new ConcurrentBag<double>();
        var started = Stopwatch.StartNew();
        await Parallel.ForEachAsync(firstPages.Requests, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (request, token) =>
        {
            var timer = Stopwatch.StartNew();
            using var message = new HttpRequestMessage(HttpMethod.Get, new Uri(request.Path, UriKind.Relative));
            foreach (var (name, value) in request.Headers)
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }

            using var response = await client.SendAsync(message, token);
            response.EnsureSuccessStatusCode();
            var page = await response.Content.ReadFromJsonAsync<JsonObject>(token);
            cold.Add(timer.Elapsed.TotalSeconds);
            if (page?["continuation"]?.GetValue<string>() is { } continuation)
            {
                next.Add(request with { Path = $"{request.Path}&continuation={Uri.EscapeDataString(continuation)}" });
            }
        });
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  first pages of {cold.Count} divisions, rosters cold, 8 at a time: {started.Elapsed.TotalSeconds:F1} s, slowest {cold.DefaultIfEmpty().Max():F1} s"));
        return new ReadScenario("division list, next pages", firstPages.Origin, [.. next]);
    }

    private static string ListPath(string division) => $"/api/residents?division={division}&pageSize=50&activeOn={ActiveOn}&purpose={Purpose}";

    private static IReadOnlyDictionary<string, string> OfficerOf(string street) => Officers.GetOrAdd(street, s => new Dictionary<string, string>
    {
        ["Authorization"] = "Bearer " + DevelopmentTokens.MintPersonal($"bench-officer-{s}", [HubRoles.StreetOfficer], s + "000", lifetime: TimeSpan.FromHours(4)),
    });

    // OData key literals double their quotes; the URL then escapes what a path may not hold ('|' among them).
    private static string Key(string value) => Uri.EscapeDataString(value.Replace("'", "''", StringComparison.Ordinal));
}
