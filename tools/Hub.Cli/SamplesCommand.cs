using System.CommandLine;
using System.Globalization;
using Hub.Samples;
using Spectre.Console;

namespace Hub.Cli;

/// <summary><c>hub samples</c>: writes fictional feeds of the four shipped departments, to try the Hub with.</summary>
internal static class SamplesCommand
{
    public static Command Create(CliContext context)
    {
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "The folder to write the feeds into (created if missing)", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed of the fictional population; the same seed writes the same files", DefaultValueFactory = _ => new PopulationOptions().Seed };
        var people = new Option<int>("--people") { Description = "How many people to generate", DefaultValueFactory = _ => 2000 };
        people.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 1_000_000)
            {
                r.AddError("--people must be between 1 and 1,000,000.");
            }
        });
        var mistakes = new Option<double>("--mistake-rate") { Description = "Share of rows with a realistic mistake, 0 to 1", DefaultValueFactory = _ => new FeedWriterOptions().MistakeRate };
        mistakes.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is < 0 or > 1)
            {
                r.AddError("--mistake-rate must be between 0 and 1.");
            }
        });
        var command = new Command("samples", "Write sample feeds of the four departments (fictional people) into a folder.") { output, seed, people, mistakes };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var population = new PopulationGenerator(new PopulationOptions { Seed = parsed.GetValue(seed), People = parsed.GetValue(people) }).Generate();
            var files = await SampleSet.WriteAsync(population, parsed.GetValue(output)!.FullName, new FeedWriterOptions { MistakeRate = parsed.GetValue(mistakes) }, cancellationToken).ConfigureAwait(false);
            var delta = await SampleSet.WritePoliceDeltaAsync(population, parsed.GetValue(output)!.FullName, cancellationToken).ConfigureAwait(false);

            var table = new Table().AddColumn("File").AddColumn("Source").AddColumn("Format")
                .AddColumn(new TableColumn("Rows").RightAligned()).AddColumn(new TableColumn("With mistakes").RightAligned()).AddColumn(new TableColumn("To be rejected").RightAligned());
            foreach (var file in files)
            {
                table.AddRow(
                    new Text(Path.GetFileName(file.Path)),
                    new Text(file.Feed.Source.Id),
                    new Text(file.Format.ToString()),
                    new Text(Count(file.Feed.Rows.Count)),
                    new Text(Count(file.Feed.Rows.Count(r => r.Mistakes.Count > 0))),
                    new Text(Count(file.Feed.Rows.Count(r => r.Rejected))));
            }

            table.AddRow(
                new Text(Path.GetFileName(delta.Path)),
                new Text(delta.Feed.Source.Id + " (delta)"),
                new Text(delta.Format.ToString()),
                new Text(Count(delta.Feed.Rows.Count)),
                new Text(Count(0)),
                new Text(Count(0)));

            var everyone = population.People;
            context.Console.Write(table);
            context.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {files.Count + 1} feeds to {parsed.GetValue(output)!.FullName}: {everyone.Count:N0} fictional people in {population.Households.Count:N0} households, seed {parsed.GetValue(seed)}."));
            context.Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"The police register records {everyone.Count(p => p.DiedOn is not null && !p.DeathReportedLater):N0} deaths and {everyone.Count(p => p.MovedOutOn is not null):N0} moves out of the area; {Path.GetFileName(delta.Path)} reports deaths after its snapshot ({delta.Feed.Rows.Count:N0}, 低保 recipients): push it last, with --mode delta."));
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
