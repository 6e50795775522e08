using System.Text.Json;
using Hub.Core.Profiles.Facts;

namespace Hub.Functions.Tests.Profiles;

/// <summary>What the point-read tests share: a batch's mark, a range's shape, a person's rows as read and a view as the reader sees it.</summary>
internal static class RowDescriptions
{
    /// <summary>The mark the tests put over a view as a batch's own.</summary>
    public const string Mark = "0123456789abcdef";

    /// <summary>The shape of a person's row-key range query in the request log.</summary>
    public const string PersonRange = "PartitionKey eq … and RowKey ge … and RowKey lt …";

    /// <summary>Every row of a person as read, with its version: two reads that give the same text read the same rows.</summary>
    public static string Describe(PersonRows person) => string.Join('\n', [
        .. person.Facts.Select(f => $"{f.RowKey} {f.Version?.Value} {JsonSerializer.Serialize(f.ToView())}"),
        $"link {person.Link?.Version?.Value} {person.Link?.Golden}",
        .. person.Members.Select(m => $"{m.RowKey} {m.Version?.Value}"),
        $"index {person.IndexRows?.Version?.Value} {person.IndexRows?.Rows}",
        $"view {person.View?.Version?.Value} {person.View?.Kind}",
        $"key {person.KeyRow?.Version?.Value}",
    ]);

    /// <summary>A view as the reader sees it: its kind, members, own facts and the facts it holds (sealed text differs each time).</summary>
    public static string Describe(PersonViewEntity view) =>
        $"{view.Kind} [{view.Members}] [{view.Own}] {JsonSerializer.Serialize(view.ReadFacts())}";
}
