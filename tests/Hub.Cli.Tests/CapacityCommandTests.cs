using System.Text.Json.Nodes;
using Hub.Cli.Capacity;
using Hub.Core.Storage;

namespace Hub.Cli.Tests;

public sealed class CapacityCommandTests
{
    // A small operations file with round figures, so every expected value below can be worked out by hand.
    private const string Operations = """
        {
          "version": 1,
          "ingest": {
            "command": "eng/bench.sh --rows 1000", "measuredAt": "2026-12-06T11:00:00Z",
            "requestsPerRecord": 0.1, "cpuMillisecondsPerRecord": 2, "payloadBytesPerRecord": 250,
            "tables": {
              "facts": { "requestsPerRecord": 0.02, "entitiesTouchedPerRecord": 2, "entitiesStoredPerRecord": 1.5, "bytesPerEntity": 500 },
              "residents": { "requestsPerRecord": 0.01, "entitiesTouchedPerRecord": 1.8, "entitiesStoredPerRecord": 1.8, "bytesPerEntity": 300 }
            }
          },
          "reads": {
            "command": "eng/bench-reads.sh --persons 1000", "measuredAt": "2026-12-06T11:30:00Z",
            "scenarios": {
              "person detail": { "requestsPerRequest": 3, "auditEventsPerRequest": 1, "requestsPerSecond": 100,
                "tables": { "facts": { "requests": 1, "entities": 1 }, "audit": { "requests": 1, "entities": 2 }, "auditbyperson": { "requests": 0.5, "entities": 1 } } },
              "division list, first pages": { "requestsPerRequest": 4, "auditEventsPerRequest": 1, "requestsPerSecond": 50,
                "tables": { "residents": { "requests": 1, "entities": 50 }, "audit": { "requests": 1, "entities": 2 }, "auditbyperson": { "requests": 1, "entities": 50 } } }
            },
            "stored": { "audit": { "entities": 10, "bytesPerEntity": 800 }, "auditbyperson": { "entities": 10, "bytesPerEntity": 200 } }
          }
        }
        """;

    private static readonly CapacityAssumptions Small = new()
    {
        Persons = 1_000_000,
        Departments = 2,
        ChangeRate = 0.1,
        SnapshotChangedShare = 0.5,
        SnapshotNights = 1,
        IngestHours = 1,
        Staff = 3_600,
        ReadsPerHour = 10,
        ListShare = 0.5,
        OfficeHours = 8,
        WorkingDays = 20,
        AuditYears = 1,
        Streets = 100,
        MergeActivePartitions = 64,
        Utilisation = 0.5,
        MinimumInstances = 1,
    };

    [Fact]
    public void The_model_turns_the_measured_counts_into_load_per_table_and_per_partition()
    {
        var estimate = CapacityModel.Compute(Small, MeasuredOperations.Parse(JsonNode.Parse(Operations), "test"));

        // Night: 2 departments × 1,000,000 rows × 10% deltas + both snapshots = 2,200,000 records in one hour; storage is
        // costed for the 200,000 delta rows and half of the snapshots' rows, 1,200,000.
        Assert.Equal(2_200_000, estimate.NightRecords, 6);
        Assert.Equal(1_200_000, estimate.NightChangedRecords, 6);
        Assert.Equal(2_200_000 / 3600.0, estimate.IngestRecordsPerSecond, 6);
        var changed = 1_200_000 / 3600.0;

        // Four batches that night (two deltas, two snapshots) each read the facts table whole: 2,000,000 records × 1.5
        // entities, in pages of 1,000.
        var mergeReads = 4 * 2_000_000 * 1.5 / 3600;

        // Day: 3,600 staff × 10 reads an hour = 10 reads/s, half details, half list pages.
        Assert.Equal(10, estimate.ReadsPerSecond, 6);
        var facts = estimate.Tables.Single(t => t.Table == "facts");
        Assert.Equal((64, 1024), (facts.IngestPartitions, facts.ReadPartitions));
        Assert.Equal((changed * 0.02) + (mergeReads / 1000), facts.IngestRequestsPerSecond, 6);
        Assert.Equal((changed * 2) + mergeReads, facts.IngestEntitiesPerSecond, 6);
        Assert.Equal(5 * 1, facts.ReadEntitiesPerSecond, 6);
        Assert.Equal(((changed * 2) + mergeReads) / 64, facts.PeakEntitiesPerPartition, 6);
        Assert.Equal(((changed * 2) + mergeReads) / 64 / 2000, facts.Ratio, 9);
        Assert.Equal(2_000_000 * 1.5 * 500, facts.StoredBytes, 0);

        // The residents index: one partition a street, a list page touching 50 rows of one.
        var residents = estimate.Tables.Single(t => t.Table == "residents");
        Assert.Equal((100, 100), (residents.IngestPartitions, residents.ReadPartitions));
        Assert.Equal(Math.Max(changed * 1.8 / 100, 5 * 50 / 100.0), residents.PeakEntitiesPerPartition, 6);

        // The day's audit chain is one partition; it holds one row an event for the retention.
        var audit = estimate.Tables.Single(t => t.Table == "audit");
        Assert.Equal((1, 1), (audit.IngestPartitions, audit.ReadPartitions));
        Assert.Equal((5 * 2) + (5 * 2), audit.PeakEntitiesPerPartition, 6);
        Assert.Equal(3600 * 10 * 8 * 20 * 12 * 1.0, audit.StoredEntities, 0);
        Assert.Equal(3600 * 10 * 8 * 20 * 12 * 1.0 * 800, audit.StoredBytes, 0);
        var index = estimate.Tables.Single(t => t.Table == "auditbyperson");
        Assert.Equal(3600 * 10 * 8 * 20 * 12 * ((0.5 * 1) + (0.5 * 50)), index.StoredEntities, 0);

        // The account: every storage request, blobs and queues included, against 20,000/s.
        Assert.Equal((changed * 0.1) + (mergeReads / 1000), estimate.AccountIngestRequestsPerSecond, 6);
        Assert.Equal((5 * 3) + (5 * 4), estimate.AccountReadRequestsPerSecond, 6);
        Assert.Equal(Math.Max((changed * 0.1) + (mergeReads / 1000), 35) / 20_000, estimate.AccountRatio, 9);
        Assert.True(estimate.Met(0.2));
    }

    [Fact]
    public void A_delta_whose_persons_fall_few_to_a_partition_is_read_by_point_reads_not_the_table_whole()
    {
        // Each delta carries 100,000 records, about 98 persons a partition: read whole under the default 32, by three
        // point reads a record at 100.
        var measured = MeasuredOperations.Parse(JsonNode.Parse(Operations), "test");
        var whole = CapacityModel.Compute(Small, measured).Tables.Single(t => t.Table == "facts");
        var byPoints = CapacityModel.Compute(Small with { PointReadPersonsPerPartition = 100, MergePointReadsPerRecord = 3, KeyReads = KeyReadMode.PointReads }, measured).Tables.Single(t => t.Table == "facts");
        var byQueries = CapacityModel.Compute(Small with { PointReadPersonsPerPartition = 100, MergePointReadsPerRecord = 3 }, measured).Tables.Single(t => t.Table == "facts");

        var changed = 1_200_000 / 3600.0;
        var snapshotReads = 2 * 2_000_000 * 1.5 / 3600;
        var deltaPoints = 2 * 100_000 * 3 / 3600.0;
        Assert.Equal((changed * 2) + snapshotReads + (2 * 2_000_000 * 1.5 / 3600), whole.IngestEntitiesPerSecond, 6);
        Assert.Equal((changed * 2) + snapshotReads + deltaPoints, byPoints.IngestEntitiesPerSecond, 6);
        Assert.Equal((changed * 0.02) + (snapshotReads / 1000) + deltaPoints, byPoints.IngestRequestsPerSecond, 6);
        Assert.True(byPoints.Ratio < whole.Ratio);

        // By queries the same rows are touched, 293 of them a partition (100,000 × 3 ÷ 1,024), in 21 queries of up to 14.
        var deltaQueries = 2 * 1024 * 21 / 3600.0;
        Assert.Equal(byPoints.IngestEntitiesPerSecond, byQueries.IngestEntitiesPerSecond, 6);
        Assert.Equal((changed * 0.02) + (snapshotReads / 1000) + deltaQueries, byQueries.IngestRequestsPerSecond, 6);
    }

    [Fact]
    public void The_model_counts_instances_and_a_monthly_cost_from_unit_prices()
    {
        var estimate = CapacityModel.Compute(Small, MeasuredOperations.Parse(JsonNode.Parse(Operations), "test"));

        // Reads: 10/s × (0.5/100 + 0.5/50) s = 0.15 of an instance, at 50% → 1. Feeds: 611 records/s × 2 ms = 1.22 cores, at 50% → 3.
        Assert.Equal((1, 3, 3), (estimate.ReadInstances, estimate.IngestInstances, estimate.PeakInstances));
        var hours = (1 * 730.0) + ((3 - 1) * 1 * 30.0);
        Assert.Equal(hours, estimate.MonthlyInstanceHours, 6);

        // A month: 30 deltas and half of each snapshot at 0.1 requests a record, 62 batches reading the facts whole in pages
        // of 1,000, and 576,000 reads at 3.5 requests; the archive keeps every row sent.
        var records = (2 * 1_000_000 * 0.1 * 30) + (2 * 1_000_000.0);
        var changedRecords = (2 * 1_000_000 * 0.1 * 30) + (2 * 1_000_000 * 0.5);
        var transactions = (changedRecords * 0.1) + (62 * 3_000_000 / 1000.0) + (3600 * 10 * 8 * 20 * 3.5);
        Assert.Equal(transactions, estimate.MonthlyTransactions, 3);
        var tableBytes = (2_000_000 * 1.5 * 500) + (2_000_000 * 1.8 * 300) + (3600 * 10 * 8 * 20 * 12 * 800.0) + (3600 * 10 * 8 * 20 * 12 * 25.5 * 200);
        var expected = (tableBytes / 1e9 * 0.045) + (transactions / 10_000 * 0.00036) + (records * 12 * 250 / 1e9 * 0.0184) + (hours * 0.216);
        Assert.Equal(expected, estimate.MonthlyCost, 6);
    }

    [Fact]
    public async Task Capacity_with_json_reads_the_measured_file_and_exits_1_when_a_partition_is_over_the_target()
    {
        using var folder = new TemporaryFolder();
        await File.WriteAllTextAsync(folder.File("operations.json"), Operations);

        var within = await Cli.RunAsync("capacity", "--measured", folder.File("operations.json"), "--format", "json", "--persons", "1000000", "--departments", "2", "--change-rate", "0.1", "--ingest-hours", "1");
        var over = await Cli.RunAsync("capacity", "--measured", folder.File("operations.json"), "--format", "json", "--partition-entities", "100");

        Assert.Equal(ExitCodes.Success, within.ExitCode);
        var answer = JsonNode.Parse(within.Output)!;
        Assert.True((bool)answer["targetMet"]!);
        Assert.Equal(2_200_000, (double)answer["estimate"]!["nightRecords"]!, 3);
        Assert.Equal(200_000 + (2_000_000 * 0.05), (double)answer["estimate"]!["nightChangedRecords"]!, 3);
        Assert.Equal(20_000 * 10 / 3600.0, (double)answer["estimate"]!["readsPerSecond"]!, 6);
        Assert.Contains("eng/bench.sh --rows 1000", (string?)answer["measured"], StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Failed, over.ExitCode);
        var overAnswer = JsonNode.Parse(over.Output)!;
        Assert.False((bool)overAnswer["targetMet"]!);
        Assert.Contains(overAnswer["estimate"]!["tables"]!.AsArray(), t => (double)t!["ratio"]! > 0.2);
    }

    [Fact]
    public async Task Capacity_shows_the_shipped_measurements_for_the_default_city_as_tables_with_the_same_verdict_as_its_json()
    {
        var run = await Cli.RunAsync("capacity");
        var json = await Cli.RunAsync("capacity", "--format", "json");

        Assert.True(run.ExitCode is ExitCodes.Success or ExitCodes.Failed, run.Error);
        Assert.Equal(run.ExitCode, json.ExitCode);
        var answer = JsonNode.Parse(json.Output)!;
        Assert.Equal(run.ExitCode == ExitCodes.Success, (bool)answer["targetMet"]!);
        Assert.Equal((32_000_000, 3_000_000, 20_000), ((long)answer["assumptions"]!["residents"]!, (long)answer["assumptions"]!["persons"]!, (long)answer["assumptions"]!["staff"]!));
        Assert.Contains("shipped capacity-operations.json", (string?)answer["measured"], StringComparison.Ordinal);
        Assert.Contains("32,000,000", run.Output, StringComparison.Ordinal);
        Assert.Contains("55.56", run.Output, StringComparison.Ordinal);
        Assert.Contains("facts", run.Output, StringComparison.Ordinal);
        Assert.Contains("Monthly", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deltas_read_by_point_reads_take_the_busiest_facts_partition_under_what_reading_the_table_whole_costs()
    {
        var whole = JsonNode.Parse((await Cli.RunAsync("capacity", "--format", "json")).Output)!;
        var byPoints = JsonNode.Parse((await Cli.RunAsync("capacity", "--format", "json", "--point-read-persons", "200")).Output)!;

        static double FactsRatio(JsonNode answer) => (double)answer["estimate"]!["tables"]!.AsArray().Single(t => (string?)t!["table"] == "facts")!["ratio"]!;
        Assert.Equal(200, (long)byPoints["assumptions"]!["pointReadPersonsPerPartition"]!);
        Assert.Equal("Queries", (string?)byPoints["assumptions"]!["keyReads"]);
        Assert.InRange(FactsRatio(byPoints), 0.01, FactsRatio(whole) * 0.6);
    }

    [Fact]
    public void The_busiest_birth_date_of_the_city_fits_its_candidate_rows_and_one_of_a_much_larger_index_does_not()
    {
        var m = MeasuredOperations.Parse(JsonNode.Parse(Operations), "test");

        var city = CapacityModel.Compute(Small with { Persons = 3_000_000 }, m).BusiestBirthDate;
        var larger = CapacityModel.Compute(Small with { Persons = 60_000_000 }, m);

        // 3,000,000 over 22,000 days × 5 = 681.8 persons; 42.6 a row of 16, and 3 × √42.6 of chance.
        Assert.Equal(681.8, city.Persons, 1);
        Assert.Equal(16, city.Rows);
        Assert.Equal(42.6 + (3 * Math.Sqrt(42.6)), city.FullestRow, 0);
        Assert.True(city.Fits);
        Assert.False(larger.BusiestBirthDate.Fits);
        Assert.True(larger.BusiestBirthDate.FullestRow > 252);
        Assert.False(larger.Met(1));
    }

    [Fact]
    public async Task Capacity_names_the_busiest_birth_date_and_exits_1_when_its_rows_overflow()
    {
        var city = await Cli.RunAsync("capacity");
        var crowded = await Cli.RunAsync("capacity", "--format", "json", "--busiest-birth-date", "100");

        Assert.Contains("busiest birth date holds 682 persons", city.Output, StringComparison.Ordinal);
        Assert.Contains("of 252 (within)", city.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Failed, crowded.ExitCode);
        var date = JsonNode.Parse(crowded.Output)!["estimate"]!["busiestBirthDate"]!;
        Assert.False((bool)date["fits"]!);
        Assert.Equal(16, (int)date["rows"]!);
    }

    [Fact]
    public async Task A_measured_file_without_the_reads_is_a_usage_error_that_names_the_missing_run()
    {
        using var folder = new TemporaryFolder();
        var ingestOnly = JsonNode.Parse(Operations)!.AsObject();
        ingestOnly.Remove("reads");
        await File.WriteAllTextAsync(folder.File("operations.json"), ingestOnly.ToJsonString());

        var run = await Cli.RunAsync("capacity", "--measured", folder.File("operations.json"));

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("no 'reads' section: run eng/bench-reads.sh", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--change-rate", "1.5")]
    [InlineData("--staff", "0")]
    [InlineData("--format", "yaml")]
    [InlineData("--point-read-persons", "-1")]
    [InlineData("--key-reads", "sometimes")]
    [InlineData("--merge-point-reads", "0")]
    [InlineData("--busiest-birth-date", "0")]
    public async Task A_wrong_assumption_exits_2_before_anything_is_computed(string option, string value)
    {
        var run = await Cli.RunAsync("capacity", option, value);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Empty(run.Output);
    }
}
