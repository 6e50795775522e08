using System.Globalization;
using Hub.Core.Audit;
using Hub.Core.Divisions;
using Hub.Functions.ApiDescription;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Functions.Audit;

/// <summary>
/// <c>GET /api/audit/proofs/inclusion</c> and <c>/consistency</c>: RFC 9162 proofs against the checkpoints' heads of
/// each day's tree, for an auditor to check with any RFC 9162 verifier (<c>hub audit prove</c> does) against the
/// roots in the WORM checkpoint blobs.
/// </summary>
internal static class AuditProofsApi
{
    public static RouteGroupBuilder MapAuditProofs(this RouteGroupBuilder group)
    {
        group.MapGet("/proofs/inclusion", InclusionAsync)
            .WithName("AuditInclusionProof")
            .WithSummary("Prove that an audit event is in a checkpoint's head of its day's tree (auditors)")
            .WithDescription("sequence (required) names the event; checkpoint (a blob name, d20250301/{first}-{last}.json) names the head to prove it in, by default the first checkpoint with a tree head that covers it. The answer holds the event as stored, its day, leaf index, leaf hash, the tree size, the audit path and the tree root (hex, RFC 9162 §2.1.3) and the checkpoint's blob name. 404 when no checkpoint covers the event yet; 409 when the stored events were removed or inserted since.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        group.MapGet("/proofs/consistency", ConsistencyAsync)
            .WithName("AuditConsistencyProof")
            .WithSummary("Prove that a later checkpoint's head of a day's tree extends an earlier one (auditors)")
            .WithDescription("from and to (required) are blob names of two checkpoints of one day, the earlier first. The answer holds both tree sizes and roots as the checkpoints state them and the consistency proof (hex, RFC 9162 §2.1.4).")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return group;
    }

    internal static async Task<Results<Ok<AuditInclusionProofView>, ProblemHttpResult>> InclusionAsync(
        [FromQuery] string? sequence, [FromQuery] string? checkpoint, AuditProver prover, DivisionDirectory divisions, AuditScope audit, CancellationToken cancellationToken)
    {
        audit.Resource = "proof inclusion";
        if (!long.TryParse(sequence, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
        {
            return Problem(new AuditProofRefusal(AuditProofRefusalKind.Invalid, "sequence", "'sequence' is required: an event's sequence number, a whole number from 1."));
        }

        var result = await prover.ProveInclusionAsync(number, checkpoint, cancellationToken);
        if (result.Proof is not { } inclusion)
        {
            return Problem(result.Refusal!);
        }

        audit.Resource = $"proof inclusion {number} in {inclusion.Proof.Checkpoint}";
        audit.RecordCount = 1;
        return TypedResults.Ok(new AuditInclusionProofView(inclusion.Proof, AuditEventView.From(inclusion.Event, divisions.Registry)));
    }

    internal static async Task<Results<Ok<AuditConsistencyProof>, ProblemHttpResult>> ConsistencyAsync(
        [FromQuery] string? from, [FromQuery] string? to, AuditProver prover, AuditScope audit, CancellationToken cancellationToken)
    {
        audit.Resource = "proof consistency";
        if (string.IsNullOrEmpty(from) || string.IsNullOrEmpty(to))
        {
            return Problem(new AuditProofRefusal(AuditProofRefusalKind.Invalid, string.IsNullOrEmpty(from) ? "from" : "to", "'from' and 'to' are required: the blob names of two checkpoints of one day, the earlier first."));
        }

        var result = await prover.ProveConsistencyAsync(from, to, cancellationToken);
        if (result.Proof is not { } proof)
        {
            return Problem(result.Refusal!);
        }

        audit.Resource = $"proof consistency {proof.From} to {proof.To}";
        audit.RecordCount = 0;
        return TypedResults.Ok(proof);
    }

    private static ProblemHttpResult Problem(AuditProofRefusal refusal)
    {
        var (status, title) = refusal.Kind switch
        {
            AuditProofRefusalKind.NotFound => (StatusCodes.Status404NotFound, "Nothing to prove"),
            AuditProofRefusalKind.Mismatch => (StatusCodes.Status409Conflict, "Stored events no longer match the checkpoint"),
            _ => (StatusCodes.Status400BadRequest, "Invalid proof request"),
        };
        return TypedResults.Problem(statusCode: status, title: title, detail: refusal.Detail, extensions: new Dictionary<string, object?> { ["parameter"] = refusal.Parameter });
    }
}
