using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Hub.Core.Access;
using Hub.Core.Feeds.Batches;
using Hub.Core.Quality;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Hub.Cli.Tests;

public sealed class DataQualityCommandTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    private static readonly QualityFigures Figures = new()
    {
        BatchId = "20261123150405-3fa9c2d1",
        Mode = FeedMode.Snapshot,
        ReceivedAt = new DateTimeOffset(2026, 11, 23, 15, 4, 5, TimeSpan.Zero),
        Recorded = true,
        Received = 200,
        Accepted = 180,
        Rejected = 20,
        RejectionRate = 0.1,
        Rejections = [new ReasonFigure("姓名", "required value is missing", 20, 0.1)],
        KeptWithoutId = 9,
        KeptWithoutIdShare = 0.05,
        Completeness = [new CompletenessFigure("phone", 135, 0.75)],
        MeanCompleteness = 0.75,
        Disagreements = [new DisagreementFigure("residenceDivision", 150, 30, 0.2, [new DepartmentDisagreement("police", 150, 30, 0.2)])],
        DisagreementRate = 0.2,
    };

    [Fact]
    public async Task Data_quality_prints_a_departments_figures_as_its_feed_client_and_quality_still_measures_matching()
    {
        var answer = new SourceQuality("civil-affairs", "民政", "民政局", Figures, new Timeliness(Figures.ReceivedAt, 1.5, Figures.ReceivedAt, 1.5, 12, 40), new ReviewBacklog(3, 2.5), [QualityCalculator.Point(Figures)]);
        var hub = new StubHub((_, _) => StubHub.Json(HttpStatusCode.OK, JsonSerializer.Serialize(answer, Json)));

        var run = await Cli.RunAsync(hub, "data-quality", "civil-affairs", "--top", "12");
        var help = await Cli.RunAsync("quality", "--help");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var (request, _) = Assert.Single(hub.Requests);
        Assert.Equal("/api/quality/civil-affairs?top=12", request.RequestUri!.PathAndQuery);
        Assert.Equal(HubRoles.FeedPublisher("civil-affairs"), new JsonWebToken(request.Headers.Authorization!.Parameter).GetClaim(HubClaims.Roles).Value);
        Assert.Contains("10.0% (20 of 200 rows)", run.Output, StringComparison.Ordinal);
        Assert.Contains("residenceDivision", run.Output, StringComparison.Ordinal);
        Assert.Contains("required value is missing", run.Output, StringComparison.Ordinal);
        Assert.Contains("3 (the oldest 2.5 days)", run.Output, StringComparison.Ordinal);
        Assert.Contains("--orders", help.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_quality_of_a_batch_prints_how_it_moved_each_figure()
    {
        var before = Figures with { BatchId = "20261122150405-00000000", RejectionRate = 0.2 };
        var answer = new BatchQualityReport("civil-affairs", Figures, before.BatchId, QualityCalculator.Movements(before, Figures), 2);
        var hub = new StubHub((_, _) => StubHub.Json(HttpStatusCode.OK, JsonSerializer.Serialize(answer, Json)));

        var run = await Cli.RunAsync(hub, "data-quality", "civil-affairs", "--batch", Figures.BatchId);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal($"/api/quality/civil-affairs/batches/{Figures.BatchId}", Assert.Single(hub.Requests).Request.RequestUri!.AbsolutePath);
        Assert.Contains("20261122150405-00000000", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"rejectionRate\s*│\s*│\s*20\.0%\s*│\s*10\.0%\s*│\s*-10\.0%", run.Output);
    }

    [Fact]
    public async Task Data_quality_csv_writes_the_export_to_the_file()
    {
        const string Csv = "\uFEFFsource,batch,received_at,mode,figure,subject,other_source,count,total,rate\r\n";
        var hub = new StubHub((_, _) => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Csv, Encoding.UTF8, "text/csv") });
        var file = Path.Combine(Path.GetTempPath(), $"quality-{Guid.NewGuid():N}.csv");

        try
        {
            var run = await Cli.RunAsync(hub, "data-quality", "police", "--csv", file);

            Assert.Equal(ExitCodes.Success, run.ExitCode);
            Assert.Equal("/api/quality/export?source=police&top=30", Assert.Single(hub.Requests).Request.RequestUri!.PathAndQuery);
            Assert.Equal(Csv.TrimStart('\uFEFF'), (await File.ReadAllTextAsync(file)).TrimStart('\uFEFF'));
            Assert.False(File.Exists(file + ".partial"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("--top", "0")]
    [InlineData("--batch", "x", "--csv", "out.csv")]
    public async Task Data_quality_refuses_options_that_do_not_go_together_as_a_usage_error(params string[] options)
    {
        var run = await Cli.RunAsync(["data-quality", "police", .. options]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
    }
}
