namespace Hub.Core.Retention;

/// <summary>What a sweep found and, unless it was a dry run, erased.</summary>
public sealed record RetentionReport(bool DryRun, DateOnly Today, int PersonsChecked, IReadOnlyList<ExpiredPerson> Expired, int PersonsErased, int RowsErased);
