namespace Hub.Core.Feeds;

/// <summary>
/// A required field that rows lacked while they carried keys the mapping does not know: likely the same column under
/// another name (the mapping expects <c>承租人身份证号</c>, the export says <c>证件号码</c>). Names only, never values.
/// </summary>
/// <param name="Field">The field the rows lacked, as the mapping names its column.</param>
/// <param name="Rows">How many rows lacked it.</param>
/// <param name="UnmappedKeys">The unknown keys that held a value in those rows, the most frequent first (at most 10).</param>
/// <param name="Hint">The same in words, with what to change.</param>
public sealed record LikelyCause(string Field, long Rows, IReadOnlyList<string> UnmappedKeys, string Hint);
