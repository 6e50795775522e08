using Hub.Core.Retention;

namespace Hub.Functions.Retention;

/// <summary>
/// A retention sweep's answer: what was checked, who expired (by key), what was erased, and the keys of erasures an
/// earlier sweep stopped half way, which this one finished unless it was a dry run.
/// </summary>
internal sealed record RetentionReportView(bool DryRun, DateOnly Today, int PersonsChecked, IReadOnlyList<ExpiredPersonView> Expired, int PersonsErased, int RowsErased, IReadOnlyList<string> Unfinished)
{
    public static RetentionReportView Of(RetentionReport report) =>
        new(report.DryRun, report.Today, report.PersonsChecked, [.. report.Expired.Select(ExpiredPersonView.Of)], report.PersonsErased, report.RowsErased, [.. report.Unfinished.Select(k => k.Value)]);
}

/// <summary>An expired person: their key, every key erased with them, the last day they were kept and what set it.</summary>
internal sealed record ExpiredPersonView(string PersonKey, IReadOnlyList<string> Keys, DateOnly KeptUntil, string KeptFor, int Rows)
{
    public static ExpiredPersonView Of(ExpiredPerson person) =>
        new(person.PersonKey.Value, [.. person.Keys.Select(k => k.Value)], person.KeptUntil, person.KeptFor, person.Rows);
}
