using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hub.Core.Access;
using Hub.Core.Audit;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Hub.Cli.Tests;

/// <summary>
/// <c>hub audit prove</c> against answers built here: a day's tree of two events, of which event 42 is the first. The
/// proofs are real, so the command's own verification decides.
/// </summary>
public sealed class AuditProveCommandTests
{
    private const string First = "d20250301/0000000000000000042-0000000000000000042.json";
    private const string Second = "d20250301/0000000000000000043-0000000000000000043.json";
    private static readonly DateTimeOffset Time = new(2025, 3, 1, 8, 0, 1, TimeSpan.Zero);
    private static readonly string PersonKey = "0123456789abcdef0123456789abcdef";
    private static readonly byte[] OtherLeaf = SHA256.HashData("event 43"u8);

    private static readonly AuditEvent Event = new()
    {
        Actor = new AuditActor("grid-worker-7", "Hub.GridWorker", "110105003002", "console", "10.0.0.1"),
        Action = AuditAction.PersonRead,
        Resource = "/api/persons/x",
        PersonKeys = [Hub.Core.Kernel.PersonKey.Parse(PersonKey)],
        Fields = [new Hub.Core.Audit.DisclosedField("name", Masked: true)],
        Purpose = "case-1",
        Outcome = AuditOutcome.Allowed,
        RecordCount = 1,
        CorrelationId = "trace-1",
    };

    private static readonly string Leaf = AuditCheckpoint.LeafHash(42, Time, Event);
    private static readonly string Root = Convert.ToHexStringLower(SHA256.HashData([1, .. Convert.FromHexString(Leaf), .. OtherLeaf]));

    [Fact]
    public async Task Prove_verifies_the_events_inclusion_here_prints_what_was_proven_and_exits_0()
    {
        var hub = new StubHub((_, _) => StubHub.Json(HttpStatusCode.OK, Inclusion()));

        var run = await Cli.RunAsync(hub, "audit", "prove", "--sequence", "42");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains($"Proven: event 42 is leaf 0 of the 2-event tree of 2025-03-01 in checkpoint {Second} (tree root {Root}).", run.Output, StringComparison.Ordinal);
        Assert.Contains($"42  2025-03-01T08:00:01Z  grid-worker-7  Hub.GridWorker  呼家楼西里社区(110105003002)  person.read  allowed  {PersonKey}  purpose=case-1", run.Output, StringComparison.Ordinal);
        var (request, _) = Assert.Single(hub.Requests);
        Assert.Equal("/api/audit/proofs/inclusion?sequence=42", request.RequestUri!.PathAndQuery);
        Assert.Equal(HubRoles.Auditor, new JsonWebToken(request.Headers.Authorization!.Parameter).GetClaim(HubClaims.Roles).Value);
    }

    [Fact]
    public async Task Prove_exits_1_when_the_audit_path_does_not_lead_to_the_checkpoints_root()
    {
        var hub = new StubHub((_, _) => StubHub.Json(HttpStatusCode.OK, Inclusion(root: Convert.ToHexStringLower(OtherLeaf))));

        var run = await Cli.RunAsync(hub, "audit", "prove", "--sequence", "42", "--token", "t");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("NOT proven: the audit path of event 42 does not lead to the tree root", run.Output, StringComparison.Ordinal);
        Assert.Contains("hub audit verify --from 2025-03-01 --to 2025-03-01", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prove_exits_1_when_the_event_shown_is_not_the_leaf_the_hub_proved()
    {
        var hub = new StubHub((_, _) => StubHub.Json(HttpStatusCode.OK, Inclusion(userId: "someone-else")));

        var run = await Cli.RunAsync(hub, "audit", "prove", "--sequence", "42", "--token", "t");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("NOT proven: the event the Hub showed does not hash to the leaf it proved.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prove_with_to_proves_the_later_checkpoint_extends_the_one_the_event_is_in()
    {
        var hub = new StubHub((request, _) => StubHub.Json(HttpStatusCode.OK, request.RequestUri!.AbsolutePath.EndsWith("inclusion", StringComparison.Ordinal)
            ? Inclusion(checkpoint: First, size: 1, path: [], root: Leaf)
            : Consistency(First, Second)));

        var run = await Cli.RunAsync(hub, "audit", "prove", "--sequence", "42", "--checkpoint", First, "--to", Second, "--token", "t");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains($"Proven: event 42 is leaf 0 of the 1-event tree of 2025-03-01 in checkpoint {First}", run.Output, StringComparison.Ordinal);
        Assert.Contains($"Proven: checkpoint {Second} (2 events, tree root {Root}) extends checkpoint {First} (1 events, tree root {Leaf}) unchanged.", run.Output, StringComparison.Ordinal);
        Assert.Equal($"from={Uri.EscapeDataString(First)}&to={Uri.EscapeDataString(Second)}", hub.Requests[1].Request.RequestUri!.Query.TrimStart('?'));
    }

    [Fact]
    public async Task Prove_from_to_exits_1_when_the_later_tree_does_not_extend_the_earlier()
    {
        var hub = new StubHub((_, _) => StubHub.Json(HttpStatusCode.OK, Consistency(First, Second, fromRoot: Convert.ToHexStringLower(OtherLeaf))));

        var run = await Cli.RunAsync(hub, "audit", "prove", "--from", First, "--to", Second, "--token", "t");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains($"NOT proven: checkpoint {Second} does not extend checkpoint {First} unchanged", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prove_with_json_prints_the_hubs_answers_and_the_outcome()
    {
        var hub = new StubHub((_, _) => StubHub.Json(HttpStatusCode.OK, Consistency(First, Second)));

        var run = await Cli.RunAsync(hub, "audit", "prove", "--from", First, "--to", Second, "--token", "t", "--json");

        var output = JsonNode.Parse(run.Output)!;
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.True((bool?)output["proven"]);
        Assert.Equal(2, (long?)output["consistency"]!["toSize"]);
    }

    [Fact]
    public async Task A_proof_the_hub_cannot_make_exits_3_with_its_reason()
    {
        var hub = new StubHub((_, _) => StubHub.Json(HttpStatusCode.NotFound, """{"title":"Nothing to prove","detail":"No checkpoint covers event 42.","parameter":"sequence"}"""));

        var run = await Cli.RunAsync(hub, "audit", "prove", "--sequence", "42", "--token", "t");

        Assert.Equal(ExitCodes.HubError, run.ExitCode);
        Assert.Contains("No checkpoint covers event 42.", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("audit", "prove")]
    [InlineData("audit", "prove", "--sequence", "0")]
    [InlineData("audit", "prove", "--sequence", "forty-two")]
    [InlineData("audit", "prove", "--checkpoint", First)]
    [InlineData("audit", "prove", "--from", First)]
    [InlineData("audit", "prove", "--to", Second)]
    [InlineData("audit", "prove", "--sequence", "42", "--from", First, "--to", Second)]
    public async Task A_wrong_prove_command_line_exits_2_before_anything_is_sent(params string[] args)
    {
        var hub = new StubHub((_, _) => throw new InvalidOperationException("nothing may be sent"));

        var run = await Cli.RunAsync(hub, args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Empty(hub.Requests);
        Assert.NotEmpty(run.Error);
    }

    private static string Inclusion(string checkpoint = Second, long size = 2, string[]? path = null, string? root = null, string userId = "grid-worker-7") => new JsonObject
    {
        ["proof"] = new JsonObject
        {
            ["sequence"] = 42,
            ["partition"] = "d20250301",
            ["leafIndex"] = 0,
            ["treeSize"] = size,
            ["leafHash"] = Leaf,
            ["auditPath"] = new JsonArray([.. (path ?? [Convert.ToHexStringLower(OtherLeaf)]).Select(p => JsonValue.Create(p))]),
            ["treeRoot"] = root ?? Root,
            ["checkpoint"] = checkpoint,
            ["day"] = "2025-03-01",
        },
        ["event"] = JsonSerializer.SerializeToNode(
            new
            {
                sequence = 42,
                time = Time,
                userId,
                role = Event.Actor.Role,
                division = Event.Actor.Division,
                divisionName = "呼家楼西里社区",
                clientApplicationId = Event.Actor.ClientApplicationId,
                clientAddress = Event.Actor.ClientAddress,
                action = Event.Action.Value,
                resource = Event.Resource,
                personKeys = new[] { PersonKey },
                fields = new[] { new { name = "name", masked = true } },
                purpose = Event.Purpose,
                breakGlassReason = (string?)null,
                outcome = "allowed",
                recordCount = 1,
                correlationId = Event.CorrelationId,
                hash = new string('0', 64),
            }),
    }.ToJsonString();

    private static string Consistency(string from, string to, string? fromRoot = null) => new JsonObject
    {
        ["partition"] = "d20250301",
        ["from"] = from,
        ["to"] = to,
        ["fromSize"] = 1,
        ["toSize"] = 2,
        ["fromRoot"] = fromRoot ?? Leaf,
        ["toRoot"] = Root,
        ["proof"] = new JsonArray(JsonValue.Create(Convert.ToHexStringLower(OtherLeaf))),
        ["day"] = "2025-03-01",
    }.ToJsonString();
}
