using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hub.Functions.Tests.Infrastructure;

namespace Hub.Functions.Tests.Resolution;

[Collection(AzuriteFixture.Collection)]
public sealed class ResolutionApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly string Unknown = new('a', 32);

    private readonly ResolutionHub _hub = new(azurite);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task Only_data_stewards_see_the_queue_and_decide()
    {
        var publisher = _hub.Factory.CreatePublisherClient("civil-affairs");

        using var queue = await publisher.GetAsync(new Uri("/api/resolution/queue", UriKind.Relative));
        using var link = await publisher.PostAsJsonAsync($"/api/resolution/records/{Unknown}/link", new { personKey = Unknown });
        using var anonymous = await _hub.Factory.CreateClient().GetAsync(new Uri("/api/resolution/queue", UriKind.Relative));
        using var steward = await _hub.Steward.GetAsync(new Uri("/api/resolution/queue", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, queue.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, link.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, steward.StatusCode);
    }

    [Theory]
    [InlineData("/api/resolution/records/not-a-key/link")]
    [InlineData("/api/resolution/records/ABCDEFABCDEFABCDEFABCDEFABCDEFAB/reject")]
    [InlineData("/api/resolution/persons/merge")]
    [InlineData("/api/resolution/persons/12345/split")]
    public async Task An_invalid_key_is_a_bad_request_with_problem_details(string path)
    {
        using var response = await _hub.Steward.PostAsJsonAsync(path, new { personKey = Unknown, from = "x", into = Unknown });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(400, (int?)problem["status"]);
        Assert.Equal("Invalid key", (string?)problem["title"]);
    }

    [Fact]
    public async Task An_invalid_key_in_a_history_request_is_a_bad_request()
    {
        using var response = await _hub.Steward.GetAsync(new Uri("/api/resolution/persons/zz/history", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/resolution/records/{0}/link")]
    [InlineData("/api/resolution/records/{0}/reject")]
    [InlineData("/api/resolution/persons/{0}/split")]
    [InlineData("/api/resolution/persons/merge")]
    public async Task An_unknown_key_is_not_found(string template)
    {
        var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Unknown);

        using var response = await _hub.Steward.PostAsJsonAsync(path, new { personKey = Unknown, from = Unknown, into = Unknown, reason = "核实" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Unknown key", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["title"]);
    }

    [Fact]
    public async Task Unknown_persons_have_no_profile_and_no_household()
    {
        using var profile = await _hub.Steward.GetAsync(new Uri($"/api/profiles/{Unknown}", UriKind.Relative));
        using var household = await _hub.Steward.GetAsync(new Uri($"/api/profiles/{Unknown}/household", UriKind.Relative));
        using var invalid = await _hub.Steward.GetAsync(new Uri("/api/profiles/nope/household", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, profile.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, household.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, invalid.StatusCode);
    }

    [Theory]
    [InlineData("pageSize=0", "'pageSize'")]
    [InlineData("pageSize=101", "'pageSize'")]
    [InlineData("pageSize=110105194912310020", "'pageSize'")]
    [InlineData("sort=110105194912310020", "'sort'")]
    [InlineData("minScore=110105194912310020x", "'minScore'")]
    [InlineData("maxScore=NaN", "'maxScore'")]
    [InlineData("minScore=1e309", "'minScore'")]
    [InlineData("minScore=30&maxScore=20", "'minScore'")]
    [InlineData("queuedAfter=110105194912310020", "'queuedAfter'")]
    [InlineData("queuedAfter=2025-03-02T00:00:00Z&queuedBefore=2025-03-01T00:00:00Z", "'queuedAfter'")]
    [InlineData("source=110105194912310020", "'source'")]
    [InlineData("continuation=110105194912310020", "continuation token")]
    public async Task A_bad_queue_parameter_is_a_problem_that_names_it_and_never_echoes_the_value(string query, string named)
    {
        using var response = await _hub.Steward.GetAsync(new Uri("/api/resolution/queue?" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains(named, (string?)JsonNode.Parse(body)!["detail"], StringComparison.Ordinal);
        Assert.DoesNotContain("110105194912310020", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_document_describes_the_resolution_operations_for_stewards()
    {
        var document = JsonNode.Parse(await _hub.Factory.CreateClient().GetStringAsync(new Uri("/api/openapi/v1.json", UriKind.Relative)))!;
        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => (Path: path.Key, Method: op.Key, Operation: op.Value!)))
            .Where(op => op.Path.StartsWith("/api/resolution/", StringComparison.Ordinal))
            .ToList();

        Assert.Equal(
            ["DecideRecords", "GetMatchQueue", "GetResolutionHistory", "LinkRecord", "MergePersons", "RejectMatch", "SplitPerson"],
            operations.Select(op => (string?)op.Operation["operationId"]).Order(StringComparer.Ordinal));
        Assert.All(operations, op => Assert.Equal("Resolution", (string?)op.Operation["tags"]![0]));
        Assert.All(operations, op => Assert.NotNull(op.Operation["security"]));
        Assert.All(operations, op => Assert.NotNull(op.Operation["responses"]!["403"]));
        var merge = operations.Single(op => (string?)op.Operation["operationId"] == "MergePersons");
        Assert.Equal("post", merge.Method, ignoreCase: true);
        Assert.Equal(["200", "400", "401", "403", "404", "408", "409", "413", "415", "503"], merge.Operation["responses"]!.AsObject().Select(r => r.Key));
        var queue = operations.Single(op => (string?)op.Operation["operationId"] == "GetMatchQueue");
        Assert.Equal(
            ["continuation", "maxScore", "minScore", "pageSize", "queuedAfter", "queuedBefore", "sort", "source"],
            queue.Operation["parameters"]!.AsArray().Select(p => (string?)p!["name"]).Order(StringComparer.Ordinal));
        Assert.NotNull(queue.Operation["responses"]!["400"]);
        Assert.Contains(operations, op => op.Path == "/api/resolution/decisions" && op.Method.Equals("post", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(operations, op => op.Path == "/api/resolution/records/{recordKey}/link");
        Assert.Contains(operations, op => op.Path == "/api/resolution/persons/{personKey}/history");
    }
}
