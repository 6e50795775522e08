using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Hub.Core.Storage;

/// <summary>JSON settings for values the Hub stores: Chinese text kept as it is, not as \u escapes (half the size).</summary>
internal static class StorageJson
{
    public static JsonSerializerOptions Options { get; } = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
}
