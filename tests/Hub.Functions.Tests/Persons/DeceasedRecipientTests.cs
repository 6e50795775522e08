using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Hub.Core.Feeds.Batches;
using Hub.Core.Identity.Keys;
using Hub.Functions.Tests.Infrastructure;
using Hub.Samples;
using Microsoft.Extensions.DependencyInjection;
using static Hub.Functions.Tests.Persons.PersonsHub;

namespace Hub.Functions.Tests.Persons;

/// <summary>
/// The sample population's four feeds, then the police delta that reports the death of 低保 recipients: the street
/// office's list of its current special-group residents drops them, its list of the deceased shows them with the date
/// and the benefit that still runs, and their person page says they died and that the 低保 is not active.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class DeceasedRecipientTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly Population Population = new PopulationGenerator(new PopulationOptions { Seed = 20250630, People = 600 }).Generate();

    private readonly PersonsHub _hub = new(azurite);

    public async Task InitializeAsync()
    {
        foreach (var (source, _, format) in SampleSet.Layout)
        {
            using var stream = new MemoryStream();
            await FeedWriter.WriteAsync(FeedWriter.Compose(Population, ShippedSources.Get(source), new FeedWriterOptions { MistakeRate = 0 }), stream, format);
            var report = await _hub.Factory.CreatePublisherClient(source).PushAndWaitAsync(source, stream.ToArray(), ContentType(format), "snapshot");
            Assert.True(report.Status == BatchStatus.Completed && report.Counts.Rejected == 0, $"The {source} feed was not taken whole: {report.FailureReason}");
        }
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task After_the_police_delta_a_deceased_dibao_recipient_leaves_the_street_list_and_their_page_says_deceased()
    {
        var delta = FeedWriter.ComposePoliceDelta(Population);
        Assert.NotEmpty(delta.Rows);
        var recipient = delta.Rows[0].Person;
        var key = _hub.Factory.Services.GetRequiredService<PersonKeyHasher>().Hash(recipient.ResidentId).Value;
        var street = recipient.Residence.Division.Street + "000";
        using var officer = _hub.StreetOfficer(street);
        var before = await ListAsync(officer, street, status: null);
        Assert.Equal("active", (string?)Assert.Single(before, i => (string?)i["personKey"] == key)["status"]);

        using var stream = new MemoryStream();
        await FeedWriter.WriteAsync(delta, stream, SampleSet.PoliceDelta.Format);
        var report = await _hub.Factory.CreatePublisherClient("police").PushAndWaitAsync("police", stream.ToArray(), ContentType(SampleSet.PoliceDelta.Format), "delta");
        Assert.Equal((BatchStatus.Completed, delta.Rows.Count, 0L), (report.Status, (int)report.Counts.Updated, report.Counts.EndDated));

        var current = await ListAsync(officer, street, status: null);
        var deceased = await ListAsync(officer, street, status: "deceased", purpose: "benefit-review");
        using var page = await officer.GetAsync(new Uri($"/api/persons/{key}?purpose=benefit-review", UriKind.Relative));
        var person = await JsonAsync(page);

        var died = recipient.DiedOn!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.DoesNotContain(current, i => (string?)i["personKey"] == key);
        Assert.All(current, i => Assert.Equal("active", (string?)i["status"]));
        var listed = Assert.Single(deceased, i => (string?)i["personKey"] == key);
        Assert.Equal(("deceased", died), ((string?)listed["status"], (string?)listed["statusDate"]));
        Assert.Contains("dibao", listed["groups"]!.AsArray().Select(g => (string?)g));
        Assert.All(deceased, i => Assert.Equal("deceased", (string?)i["status"]));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(("deceased", died), ((string?)person["status"], (string?)person["statusDate"]));
        var dibao = Assert.Single(person["memberships"]!.AsArray(), m => (string?)m!["group"] == "dibao")!;
        Assert.Equal((false, "deceased"), ((bool)dibao["active"]!, (string?)dibao["inactiveReason"]));

        // The department's fact stays as it was sent: the Hub reports the contradiction, it does not end the benefit.
        var stated = Assert.Single(recipient.Assistance, a => a.Type == AssistanceType.Dibao);
        Assert.Equal(stated.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (string?)dibao["validFrom"]);
        Assert.Null(dibao["lastDay"]);
    }

    // Every page of a street's list, following the continuation.
    private static async Task<List<JsonNode>> ListAsync(HttpClient client, string street, string? status, string? purpose = null)
    {
        var items = new List<JsonNode>();
        string? continuation = null;
        do
        {
            var query = $"/api/residents?division={street}&pageSize=200"
                + (status is null ? string.Empty : "&status=" + Uri.EscapeDataString(status))
                + (purpose is null ? string.Empty : "&purpose=" + purpose)
                + (continuation is null ? string.Empty : "&continuation=" + Uri.EscapeDataString(continuation));
            using var response = await client.GetAsync(new Uri(query, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await JsonAsync(response);
            Assert.Equal(status ?? "active", (string?)page["status"]);
            items.AddRange(page["items"]!.AsArray().Select(i => i!));
            continuation = (string?)page["continuation"];
        }
        while (continuation is not null);
        return items;
    }

    private static string ContentType(SampleFileFormat format) => format switch
    {
        SampleFileFormat.CsvGb18030 => "text/csv; charset=gb18030",
        SampleFileFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        SampleFileFormat.Ndjson => "application/x-ndjson",
        _ => "text/csv",
    };
}
