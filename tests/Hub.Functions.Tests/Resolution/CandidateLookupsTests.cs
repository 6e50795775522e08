using Hub.Core.Access.Residents;
using Hub.Core.Identity.Matching;
using Hub.Core.Kernel;
using Hub.Core.Storage;
using Hub.Functions.Tests.Infrastructure;
using Hub.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using static Hub.Functions.Tests.Resolution.ResolutionFeeds;

namespace Hub.Functions.Tests.Resolution;

/// <summary>
/// A batch's candidate search reads the candidate index's rows of all its records' keys before it matches, the rows of
/// one partition together (every row of a key spread over several): with key reads by queries (as on Azure) a query for
/// every 14 rows, and then nothing more.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class CandidateLookupsTests : IAsyncLifetime
{
    private readonly TableRequestLog _requests = new();
    private readonly ResolutionHub _hub;

    public CandidateLookupsTests(AzuriteFixture azurite) =>
        _hub = new ResolutionHub(azurite, new Dictionary<string, string?> { ["Hub:Storage:KeyReads"] = "Queries" }, services => _requests.AddTo(services, azurite.ConnectionString));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task A_batch_reads_its_keys_a_query_per_partition_and_finds_what_a_point_read_of_each_key_finds()
    {
        await _hub.PushAsync("police", Police(new PoliceRow(Id("11010519800512031"), "陈明", "男"), new PoliceRow(Id("11010519900101012"), "王芳", "女", Household: "8")));
        var services = _hub.Factory.Services;
        var index = services.GetRequiredService<ResidentIndex>();
        var hash = services.GetRequiredService<ResidentRowBuilder>();
        MatchRecord[] batch =
        [
            new() { Name = "陈小明", ResidenceDivision = DivisionCode.Parse(Community) },
            new() { Name = "王芳", Sex = Sex.Female, BirthDate = new DateOnly(1990, 1, 1), ResidenceDivision = DivisionCode.Parse(Community) },
        ];
        var candidates = _hub.Factory.Storage.Candidates.Name;
        var partitions = batch.SelectMany(r => BlockingKeys.For(r)).Select(hash.Token).Distinct(StringComparer.Ordinal).SelectMany(CandidateSearch.Rows).GroupBy(h => CandidateSearch.Partition(h)).ToList();
        var before = _requests.Requests(candidates);

        var lookups = await index.ReadLookupsAsync(batch, concurrency: 4);
        var read = _requests.Requests(candidates);
        var found = await Task.WhenAll(batch.Select(r => index.FindCandidatesAsync(r, lookups)));
        var afterwards = _requests.Requests(candidates);

        Assert.Equal(KeyReadMode.Queries, _hub.Factory.Storage.KeyReads);
        Assert.Equal(partitions.Sum(p => (p.Count() + 13) / 14), read - before);
        Assert.Equal(read, afterwards);
        var alone = await Task.WhenAll(batch.Select(r => index.FindCandidatesAsync(r)));
        Assert.Equal(Describe(alone), Describe(found));
        Assert.Contains(found[0], c => c.Person.Value == _hub.KeyOf(Id("11010519800512031")));
        Assert.Contains(found[1], c => c.Person.Value == _hub.KeyOf(Id("11010519900101012")));
    }

    private static List<string> Describe(IEnumerable<IReadOnlyList<MatchCandidate>> found) =>
        [.. found.Select(candidates => string.Join(";", candidates.Select(c => $"{c.Person.Value} {c.Record.Name} {c.Record.BirthDate}")))];
}
