namespace Hub.Core.Access.Residents;

/// <summary>What one reconciliation of the resident index did.</summary>
/// <param name="RowsChecked">Stored rows compared.</param>
/// <param name="RowsDeleted">Rows deleted because no person has them any more.</param>
/// <param name="PersonsRebuilt">Persons whose rows differed or were missing, rebuilt from their facts.</param>
/// <param name="ViewsWritten">Person view rows that were missing or out of step with the facts, written again.</param>
public sealed record ReconcileResult(long RowsChecked, int RowsDeleted, int PersonsRebuilt, int ViewsWritten);
