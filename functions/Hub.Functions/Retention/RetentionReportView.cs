using Hub.Core.Retention;

namespace Hub.Functions.Retention;

/// <summary>A retention sweep's answer: what was checked, who expired (by key), and what was erased.</summary>
internal sealed record RetentionReportView(bool DryRun, DateOnly Today, int PersonsChecked, IReadOnlyList<ExpiredPersonView> Expired, int PersonsErased, int RowsErased)
{
    public static RetentionReportView Of(RetentionReport report) =>
        new(report.DryRun, report.Today, report.PersonsChecked, [.. report.Expired.Select(ExpiredPersonView.Of)], report.PersonsErased, report.RowsErased);
}

/// <summary>An expired person: their key, every key erased with them, the last day they were kept and what set it.</summary>
internal sealed record ExpiredPersonView(string PersonKey, IReadOnlyList<string> Keys, DateOnly KeptUntil, string KeptFor, int Rows)
{
    public static ExpiredPersonView Of(ExpiredPerson person) =>
        new(person.PersonKey.Value, [.. person.Keys.Select(k => k.Value)], person.KeptUntil, person.KeptFor, person.Rows);
}
