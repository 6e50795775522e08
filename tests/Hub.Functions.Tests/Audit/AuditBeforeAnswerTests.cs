using System.Net;
using Hub.Functions.Tests.Infrastructure;
using Hub.Functions.Tests.Persons;
using static Hub.Functions.Tests.Persons.PersonsHub;

namespace Hub.Functions.Tests.Audit;

[Collection(AzuriteFixture.Collection)]
public sealed class AuditBeforeAnswerTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly PersonsHub _hub = new(azurite);

    public async Task InitializeAsync() => await _hub.LoadAsync(new Resident(1, "王小明", CommunityA1, "G01", CommunityA1));

    public async Task DisposeAsync()
    {
        await _hub.Factory.Storage.Audit.CreateIfNotExistsAsync();
        await _hub.DisposeAsync();
    }

    [Fact]
    public async Task When_the_audit_trail_cannot_be_written_the_answer_is_503_with_no_data()
    {
        using var officer = _hub.StreetOfficer();
        await _hub.Factory.Storage.Audit.DeleteAsync();

        using var person = await officer.GetAsync(new Uri($"/api/persons/{_hub.KeyOf(1)}", UriKind.Relative));
        using var list = await officer.GetAsync(new Uri("/api/residents", UriKind.Relative));
        using var denied = await _hub.Factory.CreateClient().GetAsync(new Uri($"/api/persons/{_hub.KeyOf(1)}", UriKind.Relative));

        foreach (var response in new[] { person, list, denied })
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain("王", body, StringComparison.Ordinal);
            Assert.DoesNotContain(_hub.KeyOf(1), body, StringComparison.Ordinal);
        }
    }
}
