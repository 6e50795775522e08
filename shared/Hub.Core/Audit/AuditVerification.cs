namespace Hub.Core.Audit;

/// <summary>The outcome of verifying the chain over a range of days.</summary>
/// <param name="From">The first day verified (UTC).</param>
/// <param name="To">The last day verified (UTC).</param>
/// <param name="EventsChecked">Stored events hashed.</param>
/// <param name="CheckpointsChecked">Checkpoints compared.</param>
/// <param name="FirstFinding">The first point of tampering, or null when the range is intact.</param>
/// <param name="TreeHeadsChecked">Checkpoints whose head of the day's tree was compared too (those written before tree heads have none).</param>
public sealed record AuditVerification(DateOnly From, DateOnly To, long EventsChecked, int CheckpointsChecked, AuditFinding? FirstFinding, int TreeHeadsChecked = 0)
{
    /// <summary>Whether the range verified clean: chain and checkpoints agree with the stored events.</summary>
    public bool Intact => FirstFinding is null;
}
