using Azure.Data.Tables;

namespace Hub.Core.Storage;

/// <summary>Builds table query filters (OData) whose values are quoted and escaped, so no value can change the query.</summary>
public static class TableFilter
{
    /// <summary>
    /// The filter <paramref name="filter"/> states, each interpolated value formatted as an OData literal (strings
    /// quoted with quotes doubled, times as <c>datetime'…'</c>, longs with <c>L</c>, booleans as <c>true</c>/<c>false</c>).
    /// </summary>
    public static string Of(FormattableString filter) => TableClient.CreateQueryFilter(filter);
}
