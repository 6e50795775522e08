using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Hub.Cli.Capacity;
using Hub.Core.Storage;

namespace Hub.Cli;

/// <summary>
/// <c>hub capacity</c>: the capacity model of docs/capacity.md for a city, from the storage operations the benchmarks
/// measured per record and per read (shipped, or <c>--measured FILE</c>), every assumption an option. Exit 0 when every
/// table's busiest partition and the account stay within the target share of Azure's published targets, 1 otherwise.
/// Offline: it needs no Hub.
/// </summary>
internal static class CapacityCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static Command Create(CliContext context)
    {
        var d = new CapacityAssumptions();
        var measured = new Option<FileInfo?>("--measured") { Description = "The operations file the benchmarks wrote (artifacts/bench/operations.json); default the figures shipped with the tool", HelpName = "file" };
        var format = new Option<string>("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var residents = Whole("--residents", "Residents of the city (stated, sizes nothing)", d.Residents);
        var persons = Whole("--persons", "Special-group persons the Hub holds", d.Persons);
        var departments = Whole("--departments", "Departments sending feeds", d.Departments);
        var register = new Option<long?>("--register-rows") { Description = "Rows of one department's register (default: one per person)" };
        var change = Share("--change-rate", "The share of a register a daily delta carries", d.ChangeRate);
        var snapshotChanged = Share("--snapshot-changed-share", "The share of a snapshot's rows that differ from what the Hub holds", d.SnapshotChangedShare);
        var snapshotNights = Whole("--snapshot-nights", "Nights the monthly snapshots are spread over (1: all on one night)", d.SnapshotNights);
        var ingestHours = Positive("--ingest-hours", "Hours of the nightly feed window", d.IngestHours);
        var staff = Whole("--staff", "Staff reading", d.Staff);
        var readsPerHour = Positive("--reads-per-hour", "Reads per user in the peak hour", d.ReadsPerHour);
        var listShare = Share("--list-share", "The share of reads that are list pages", d.ListShare);
        var officeHours = Positive("--office-hours", "Office hours a day at the peak rate", d.OfficeHours);
        var workingDays = Positive("--working-days", "Working days a month", d.WorkingDays);
        var auditYears = Positive("--audit-years", "Years the audit trail and the feed archive are kept", d.AuditYears);
        var streets = Whole("--streets", "Streets: the residents index's partitions", d.Streets);
        var birthDays = Positive("--birth-date-days", "Days the persons' birth dates mostly fall on", d.BirthDateDays);
        var busiestDate = Positive("--busiest-birth-date", "Persons born on the busiest date over the average date", d.BusiestBirthDateFactor);
        var active = Whole("--merge-active-partitions", "Partitions a merge writes at once", d.MergeActivePartitions);
        var pointReads = new Option<long>("--point-read-persons") { Description = $"The Hub's Hub:Feeds:PointReadPersonsPerPartition: a delta with at most this many persons a fact partition reads them by point reads, not its partitions whole (default {d.PointReadPersonsPerPartition})", DefaultValueFactory = _ => d.PointReadPersonsPerPartition };
        pointReads.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<long>() < 0)
            {
                r.AddError("--point-read-persons must be a whole number from 0.");
            }
        });
        var pointReadsPerRecord = Positive("--merge-point-reads", "Point reads of facts a delta record costs when read person by person", d.MergePointReadsPerRecord);
        var keyReads = new Option<string>("--key-reads") { Description = "How the Hub reads a delta's rows by their keys (Hub:Storage:KeyReads): queries (a request for every 14 rows of a partition, the default on Azure) or point-reads (a request a row)", DefaultValueFactory = _ => "queries" };
        keyReads.AcceptOnlyFromAmong("queries", "point-reads");
        var overlap = new Option<bool>("--overlap") { Description = "Feeds are processed during office hours too: the two loads add up" };
        var target = Share("--target-share", "The share of a published target accepted at peak", d.TargetShare);
        var account = Positive("--account-requests", "Published: requests per second of a standard GPv2 account", d.AccountRequestsPerSecond);
        var partition = Positive("--partition-entities", "Published: entities per second of one table partition", d.PartitionEntitiesPerSecond);
        var cores = Positive("--instance-cores", "vCPUs of one Functions instance", d.InstanceCores);
        var utilisation = Share("--utilisation", "The share of an instance used at peak", d.Utilisation);
        var minimum = Whole("--min-instances", "Functions instances always running", d.MinimumInstances);
        var speedup = Positive("--instance-read-speedup", "Reads an instance serves, as a multiple of the benchmark machine's rate", d.InstanceReadSpeedup);
        var tableGb = Positive("--price-table-gb", "USD per GB-month of table storage (LRS)", d.PriceTableGbMonth);
        var per10k = Positive("--price-transactions", "USD per 10,000 storage transactions", d.PriceTablePer10k);
        var blobGb = Positive("--price-blob-gb", "USD per GB-month of hot blob storage (LRS)", d.PriceBlobGbMonth);
        var instanceHour = Positive("--price-instance-hour", "USD per Functions EP1 instance-hour", d.PriceInstanceHour);
        var command = new Command("capacity", "The capacity model for a city (docs/capacity.md): storage requests per second per table and per partition at peak against Azure's published targets, storage size, Functions instances and a monthly cost, from measured operations. Exit 0 when within the target share, 1 when not.")
        {
            measured, format, residents, persons, departments, register, change, snapshotChanged, snapshotNights, ingestHours, staff, readsPerHour, listShare, officeHours,
            workingDays, auditYears, streets, birthDays, busiestDate, active, pointReads, pointReadsPerRecord, keyReads, overlap, target, account, partition, cores, utilisation, minimum, speedup, tableGb, per10k, blobGb, instanceHour,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            MeasuredOperations operations;
            if (parsed.GetValue(measured) is { } file)
            {
                if (MeasuredOperations.TryRead(file.FullName, out var reason) is not { } read)
                {
                    return await HubCli.UsageAsync(context, $"--measured {file.Name}: {reason}").ConfigureAwait(false);
                }

                operations = read;
            }
            else
            {
                operations = MeasuredOperations.Default();
            }

            var assumptions = new CapacityAssumptions
            {
                Residents = parsed.GetValue(residents),
                Persons = parsed.GetValue(persons),
                Departments = (int)parsed.GetValue(departments),
                RegisterRows = parsed.GetValue(register),
                ChangeRate = parsed.GetValue(change),
                SnapshotChangedShare = parsed.GetValue(snapshotChanged),
                SnapshotNights = (int)parsed.GetValue(snapshotNights),
                IngestHours = parsed.GetValue(ingestHours),
                Staff = parsed.GetValue(staff),
                ReadsPerHour = parsed.GetValue(readsPerHour),
                ListShare = parsed.GetValue(listShare),
                OfficeHours = parsed.GetValue(officeHours),
                WorkingDays = parsed.GetValue(workingDays),
                AuditYears = parsed.GetValue(auditYears),
                Streets = (int)parsed.GetValue(streets),
                BirthDateDays = parsed.GetValue(birthDays),
                BusiestBirthDateFactor = parsed.GetValue(busiestDate),
                MergeActivePartitions = (int)parsed.GetValue(active),
                PointReadPersonsPerPartition = parsed.GetValue(pointReads),
                MergePointReadsPerRecord = parsed.GetValue(pointReadsPerRecord),
                KeyReads = parsed.GetValue(keyReads) == "point-reads" ? KeyReadMode.PointReads : KeyReadMode.Queries,
                Overlap = parsed.GetValue(overlap),
                TargetShare = parsed.GetValue(target),
                AccountRequestsPerSecond = parsed.GetValue(account),
                PartitionEntitiesPerSecond = parsed.GetValue(partition),
                InstanceCores = parsed.GetValue(cores),
                Utilisation = parsed.GetValue(utilisation),
                MinimumInstances = (int)parsed.GetValue(minimum),
                InstanceReadSpeedup = parsed.GetValue(speedup),
                PriceTableGbMonth = parsed.GetValue(tableGb),
                PriceTablePer10k = parsed.GetValue(per10k),
                PriceBlobGbMonth = parsed.GetValue(blobGb),
                PriceInstanceHour = parsed.GetValue(instanceHour),
            };
            var estimate = CapacityModel.Compute(assumptions, operations);
            var met = estimate.Met(assumptions.TargetShare);
            if (parsed.GetValue(format) == "json")
            {
                var answer = new { measured = operations.Source, assumptions, estimate, monthlyCost = estimate.MonthlyCost, targetMet = met };
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(answer, Json)).ConfigureAwait(false);
            }
            else
            {
                CapacityView.Write(context.Console, assumptions, operations, estimate, met);
            }

            return met ? ExitCodes.Success : ExitCodes.Failed;
        });
        return command;
    }

    private static Option<long> Whole(string name, string description, long value)
    {
        var option = new Option<long>(name) { Description = $"{description} (default {value.ToString("N0", CultureInfo.InvariantCulture)})", DefaultValueFactory = _ => value };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<long>() < 1)
            {
                r.AddError($"{name} must be a whole number from 1.");
            }
        });
        return option;
    }

    private static Option<double> Positive(string name, string description, double value)
    {
        var option = new Option<double>(name) { Description = $"{description} (default {value.ToString(CultureInfo.InvariantCulture)})", DefaultValueFactory = _ => value };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is not (> 0 and < double.PositiveInfinity))
            {
                r.AddError($"{name} must be a number above 0.");
            }
        });
        return option;
    }

    private static Option<double> Share(string name, string description, double value)
    {
        var option = new Option<double>(name) { Description = $"{description}, 0 to 1 (default {value.ToString(CultureInfo.InvariantCulture)})", DefaultValueFactory = _ => value };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is not (>= 0 and <= 1))
            {
                r.AddError($"{name} must be a share from 0 to 1.");
            }
        });
        return option;
    }
}
