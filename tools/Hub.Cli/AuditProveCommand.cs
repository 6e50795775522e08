using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Hub.Core.Audit;

namespace Hub.Cli;

/// <summary>
/// <c>hub audit prove</c>: fetches an inclusion proof for an event and, on request, a consistency proof between two
/// checkpoints of a day, and verifies both here with the Hub's own RFC 9162 verifier. The leaf is hashed from the
/// event as shown, so what is printed is what was proven. Exit 0 proven, 1 not.
/// </summary>
internal static class AuditProveCommand
{
    public static Command Create(CliContext context)
    {
        var sequence = new Option<long?>("--sequence")
        {
            Description = "The event to prove, by its sequence number (hub audit events prints it)",
            HelpName = "n",
            CustomParser = result =>
            {
                if (long.TryParse(result.Tokens[0].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1)
                {
                    return number;
                }

                result.AddError("--sequence is an event's sequence number: a whole number from 1.");
                return null;
            },
        };
        var checkpoint = new Option<string?>("--checkpoint") { Description = "The checkpoint (blob name) to prove the event in; default the first with a tree head that covers it", HelpName = "name" };
        var from = new Option<string?>("--from") { Description = "Without --sequence: the earlier checkpoint of a consistency proof", HelpName = "name" };
        var to = new Option<string?>("--to") { Description = "A later checkpoint of the same day to prove consistent with the earlier one (--from, or the one the event is proven in)", HelpName = "name" };
        var json = new Option<bool>("--json") { Description = "Print the Hub's answers and the outcome as JSON" };
        var division = AuditCommand.DivisionOption();
        var connection = new HubConnectionOptions();
        var command = new Command("prove", "Prove an event is in a checkpoint's tree and that a later checkpoint extends an earlier one, verified locally (RFC 9162). Exit 0 proven, 1 not.")
        {
            sequence, checkpoint, from, to, json, division,
        };
        connection.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var ask = new ProofRequest(parsed.GetValue(sequence), parsed.GetValue(checkpoint), parsed.GetValue(from), parsed.GetValue(to));
            if (ask.Problem() is { } problem)
            {
                return await HubCli.UsageAsync(context, problem).ConfigureAwait(false);
            }

            using var client = await AuditCommand.ConnectAsync(connection, parsed, parsed.GetValue(division)!, context).ConfigureAwait(false);
            var lines = new List<string>();
            var output = new JsonObject();
            var proven = true;
            string? earlier = ask.From;
            AuditInclusionProof? inclusion = null;
            if (ask.Sequence is { } number)
            {
                var answer = await client.ProveInclusionAsync(number, ask.Checkpoint, cancellationToken).ConfigureAwait(false);
                output["inclusion"] = JsonNode.Parse(answer.Json);
                inclusion = answer.Value.Proof;
                var (holds, text) = Inclusion(answer.Value, number, ask.Checkpoint);
                (proven, earlier) = (holds, inclusion.Checkpoint);
                lines.AddRange(text);
            }

            if (ask.To is { } later)
            {
                var answer = await client.ProveConsistencyAsync(earlier!, later, cancellationToken).ConfigureAwait(false);
                output["consistency"] = JsonNode.Parse(answer.Json);
                var (holds, text) = Consistency(answer.Value, earlier!, later, inclusion);
                proven &= holds;
                lines.Add(text);
            }

            output["proven"] = proven;
            foreach (var line in parsed.GetValue(json) ? [output.ToJsonString()] : lines)
            {
                await context.Output.WriteLineAsync(line).ConfigureAwait(false);
            }

            return proven ? ExitCodes.Success : ExitCodes.Failed;
        });
        return command;
    }

    internal static (bool Proven, IReadOnlyList<string> Lines) Inclusion(AuditInclusionAnswer answer, long sequence, string? checkpoint)
    {
        var (proof, shown) = (answer.Proof, answer.Event);
        var leaf = shown.LeafHash();
        var failure = proof.Sequence != sequence || shown.Sequence != sequence ? $"the Hub answered for event {proof.Sequence}, not {sequence}."
            : checkpoint is not null && proof.Checkpoint != checkpoint ? $"the Hub answered for checkpoint {proof.Checkpoint}, not {checkpoint}."
            : leaf != proof.LeafHash ? "the event the Hub showed does not hash to the leaf it proved."
            : !proof.Verify(leaf) ? $"the audit path of event {sequence} does not lead to the tree root of checkpoint {proof.Checkpoint}: the event or the checkpoint changed after the checkpoint was written. 'hub audit verify --from {Day(proof)} --to {Day(proof)}' names what."
            : null;
        var row = AuditCommand.Line(shown.Row());
        return failure is null
            ? (true, [Invariant($"Proven: event {sequence} is leaf {proof.LeafIndex} of the {proof.TreeSize}-event tree of {Day(proof)} in checkpoint {proof.Checkpoint} (tree root {proof.TreeRoot})."), "  " + row])
            : (false, ["NOT proven: " + failure, "  " + row]);
    }

    internal static (bool Proven, string Line) Consistency(AuditConsistencyProof proof, string from, string to, AuditInclusionProof? inclusion)
    {
        var failure = proof.From != from || proof.To != to ? $"the Hub answered for {proof.From} to {proof.To}, not {from} to {to}."
            : inclusion is not null && (proof.FromRoot != inclusion.TreeRoot || proof.FromSize != inclusion.TreeSize) ? $"the Hub stated two different trees for checkpoint {from}."
            : !proof.Verify() ? $"checkpoint {to} does not extend checkpoint {from} unchanged: events of the earlier tree, or one of the checkpoints, changed after it was written."
            : null;
        return failure is null
            ? (true, Invariant($"Proven: checkpoint {to} ({proof.ToSize} events, tree root {proof.ToRoot}) extends checkpoint {from} ({proof.FromSize} events, tree root {proof.FromRoot}) unchanged."))
            : (false, "NOT proven: " + failure);
    }

    private static string Day(AuditInclusionProof proof) =>
        DateOnly.TryParseExact(proof.Partition.AsSpan(1), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : proof.Partition;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>What the command line asks for; which combinations make sense is checked before anything is sent.</summary>
    private sealed record ProofRequest(long? Sequence, string? Checkpoint, string? From, string? To)
    {
        public string? Problem() =>
            Sequence is null && To is null ? "Give --sequence to prove an event's inclusion, --from and --to to prove two checkpoints consistent, or --sequence and --to for both."
            : Checkpoint is not null && Sequence is null ? "--checkpoint names where to prove --sequence; give --sequence too."
            : From is not null && Sequence is not null ? "With --sequence the consistency proof starts at the checkpoint the event is proven in: name it with --checkpoint, not --from."
            : Sequence is null && From is null ? "--to needs --from (or --sequence): the earlier checkpoint."
            : From is not null && To is null ? "--from needs --to: the later checkpoint."
            : null;
    }
}
