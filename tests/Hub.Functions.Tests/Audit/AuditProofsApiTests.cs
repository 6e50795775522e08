using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Hub.Core.Access;
using Hub.Core.Audit;
using Hub.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Functions.Tests.Audit;

/// <summary>The auditor's proof routes against a running Hub: two checkpoints of today, the second extending the first.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class AuditProofsApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // The timer is set never to fire, so the test's own checkpoints are the only ones.
    private readonly HubFactory _hub = new(azurite, new Dictionary<string, string?> { ["Hub:Audit:CheckpointSchedule"] = "0 0 0 1 1 *" });
    private readonly List<AuditRecord> _records = [];
    private AuditCheckpoint _first = null!;
    private AuditCheckpoint _second = null!;

    public async Task InitializeAsync()
    {
        var log = _hub.Services.GetRequiredService<AuditLog>();
        var writer = _hub.Services.GetRequiredService<AuditCheckpointWriter>();
        for (var n = 1; n <= 5; n++)
        {
            _records.Add(await log.AppendAsync(AuditTestStorage.Read(n, AuditTestStorage.Person(n))));
        }

        _first = (await writer.WriteUpToNowAsync())[^1];
        for (var n = 6; n <= 9; n++)
        {
            _records.Add(await log.AppendAsync(AuditTestStorage.Read(n, AuditTestStorage.Person(n))));
        }

        _second = (await writer.WriteUpToNowAsync())[^1];
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task An_event_proves_included_in_its_checkpoint_and_in_a_later_one()
    {
        var record = _records[1];

        var (own, shown) = await InclusionAsync($"sequence={record.Sequence}");
        var (later, _) = await InclusionAsync($"sequence={record.Sequence}&checkpoint={_second.BlobName}");

        Assert.True(own.Verify());
        Assert.True(later.Verify());
        Assert.Equal((_first.BlobName, _first.TreeRoot, _first.TreeSize), (own.Checkpoint, own.TreeRoot, own.TreeSize));
        Assert.Equal((_second.BlobName, _second.TreeRoot, _second.TreeSize), (later.Checkpoint, later.TreeRoot, later.TreeSize));
        Assert.Equal(record.Sequence - _first.TreeFirstSequence, own.LeafIndex);
        Assert.Equal(AuditPartitions.DayOf(_first.Partition), own.Day);
        Assert.Equal(AuditCheckpoint.LeafHash(record.Sequence, record.Time, record.Event), own.LeafHash);
        Assert.Equal((record.Sequence, record.Event.Actor.UserId), ((long?)shown["sequence"], (string?)shown["userId"]));
    }

    [Fact]
    public async Task Two_checkpoints_of_a_day_prove_consistent()
    {
        var proof = await ConsistencyAsync(_first.BlobName, _second.BlobName);

        Assert.True(proof.Verify());
        Assert.Equal((_first.TreeSize, _second.TreeSize, _first.TreeRoot, _second.TreeRoot), (proof.FromSize, proof.ToSize, proof.FromRoot, proof.ToRoot));
        Assert.NotEmpty(proof.Proof);
    }

    [Fact]
    public async Task An_edited_event_makes_its_proofs_fail()
    {
        var record = _records[2];
        var stored = (await _hub.Storage.Audit.GetEntityAsync<TableEntity>(_first.Partition, AuditPartitions.EventRow(record.Sequence))).Value;
        stored["Outcome"] = "denied";
        await _hub.Storage.Audit.UpdateEntityAsync(stored, stored.ETag, TableUpdateMode.Replace);

        var (inclusion, _) = await InclusionAsync($"sequence={record.Sequence}");
        var consistency = await ConsistencyAsync(_first.BlobName, _second.BlobName);

        Assert.False(inclusion.Verify());
        Assert.False(consistency.Verify());
    }

    [Fact]
    public async Task An_edited_checkpoint_makes_its_proofs_fail()
    {
        var forged = _first with { TreeRoot = _second.TreeRoot };
        await _hub.Storage.AuditCheckpoints.GetBlobClient(_first.BlobName).UploadAsync(BinaryData.FromObjectAsJson(forged, AuditChainReader.CheckpointJson), overwrite: true);

        var (inclusion, _) = await InclusionAsync($"sequence={_records[0].Sequence}&checkpoint={_first.BlobName}");
        var consistency = await ConsistencyAsync(_first.BlobName, _second.BlobName);

        Assert.False(inclusion.Verify());
        Assert.False(consistency.Verify());
    }

    [Fact]
    public async Task The_auditors_proof_requests_leave_their_own_audit_events()
    {
        await InclusionAsync($"sequence={_records[0].Sequence}");
        await ConsistencyAsync(_first.BlobName, _second.BlobName);

        var reads = await AuditReadsAsync();

        Assert.Contains(reads, e => e.Resource == $"GET /api/audit/proofs/inclusion proof inclusion {_records[0].Sequence} in {_first.BlobName}" && e.Actor.UserId == "auditor-1" && e.Outcome == AuditOutcome.Allowed);
        Assert.Contains(reads, e => e.Resource == $"GET /api/audit/proofs/consistency proof consistency {_first.BlobName} to {_second.BlobName}");
    }

    [Fact]
    public async Task A_street_officer_is_refused_the_proofs()
    {
        using var officer = _hub.CreateClientWithToken(DevelopmentTokens.MintPersonal("street-1", [HubRoles.StreetOfficer], "110105003000"));

        using var inclusion = await officer.GetAsync(new Uri($"/api/audit/proofs/inclusion?sequence={_records[0].Sequence}", UriKind.Relative));
        using var consistency = await officer.GetAsync(new Uri($"/api/audit/proofs/consistency?from={_first.BlobName}&to={_second.BlobName}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, inclusion.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, consistency.StatusCode);
    }

    [Theory]
    [InlineData("inclusion", "", "sequence")]
    [InlineData("inclusion", "sequence=first", "sequence")]
    [InlineData("inclusion", "sequence=0", "sequence")]
    [InlineData("inclusion", "sequence=-3", "sequence")]
    [InlineData("inclusion", "sequence=1&checkpoint=latest", "checkpoint")]
    [InlineData("consistency", "to=d20250301/0000000000000000001-0000000000000000002.json", "from")]
    [InlineData("consistency", "from=d20250301/0000000000000000001-0000000000000000002.json", "to")]
    [InlineData("consistency", "from=yesterday&to=d20250301/0000000000000000001-0000000000000000002.json", "from")]
    public async Task A_bad_parameter_is_a_400_problem_naming_it(string route, string query, string parameter)
    {
        using var response = await Auditor().GetAsync(new Uri($"/api/audit/proofs/{route}?{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonNode>();
        Assert.Equal(parameter, (string?)problem!["parameter"]);
        Assert.Contains($"'{parameter}'", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_sequence_or_checkpoint_is_a_404_problem_naming_it()
    {
        var missing = _first with { FirstSequence = _first.FirstSequence + 1 };

        using var sequence = await Auditor().GetAsync(new Uri("/api/audit/proofs/inclusion?sequence=900000", UriKind.Relative));
        using var checkpoint = await Auditor().GetAsync(new Uri($"/api/audit/proofs/consistency?from={missing.BlobName}&to={_second.BlobName}", UriKind.Relative));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (sequence.StatusCode, checkpoint.StatusCode));
        Assert.Equal("sequence", (string?)(await sequence.Content.ReadFromJsonAsync<JsonNode>())!["parameter"]);
        Assert.Equal("from", (string?)(await checkpoint.Content.ReadFromJsonAsync<JsonNode>())!["parameter"]);
    }

    private async Task<(AuditInclusionProof Proof, JsonNode Event)> InclusionAsync(string query)
    {
        using var response = await Auditor().GetAsync(new Uri($"/api/audit/proofs/inclusion?{query}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        return (body["proof"].Deserialize<AuditInclusionProof>(Json)!, body["event"]!);
    }

    private async Task<AuditConsistencyProof> ConsistencyAsync(string from, string to)
    {
        using var response = await Auditor().GetAsync(new Uri($"/api/audit/proofs/consistency?from={from}&to={to}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<AuditConsistencyProof>(Json))!;
    }

    private async Task<List<AuditEvent>> AuditReadsAsync()
    {
        var query = new AuditQuery { From = DateTimeOffset.UtcNow.AddHours(-1), To = DateTimeOffset.UtcNow.AddHours(1) };
        var reads = new List<AuditEvent>();
        await foreach (var record in _hub.Services.GetRequiredService<AuditSearch>().SearchAllAsync(query))
        {
            if (record.Event.Action == AuditAction.AuditRead)
            {
                reads.Add(record.Event);
            }
        }

        return reads;
    }

    private HttpClient Auditor() => _hub.CreateClientWithToken(DevelopmentTokens.MintPersonal("auditor-1", [HubRoles.Auditor], "110100000000"));
}
