using System.Text.Json.Serialization;

namespace Hub.Core.Checks;

/// <summary>A check's title in the languages the Hub's users read.</summary>
/// <param name="ZhCn">The title in Chinese, e.g. 死亡人员仍享受低保.</param>
/// <param name="En">The title in English.</param>
public sealed record CheckTitle([property: JsonPropertyName("zh-CN")] string ZhCn, [property: JsonPropertyName("en")] string En);
