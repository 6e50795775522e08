using System.Text.Json;

namespace Hub.Functions.FunctionsHost;

/// <summary>
/// The JSON envelope the Functions host posts to a custom handler for a non-HTTP trigger:
/// <c>{"Data": {binding: value}, "Metadata": {...}}</c>.
/// </summary>
internal sealed record InvocationRequest(Dictionary<string, JsonElement>? Data, Dictionary<string, JsonElement>? Metadata)
{
    /// <summary>
    /// The text of a binding value. The host passes strings through <c>JsonConvert.SerializeObject</c> once more, so
    /// a queue message arrives as a JSON string that holds a JSON string; this peels every such layer.
    /// </summary>
    public string? DataText(string binding) => Data is not null && Data.TryGetValue(binding, out var value) ? Unwrap(value) : null;

    /// <summary>A metadata number; the host sends <c>DequeueCount</c> as the string "1", not the number 1.</summary>
    public long? MetadataNumber(string name)
    {
        if (Metadata is null || !Metadata.TryGetValue(name, out var value))
        {
            return null;
        }

        var text = value.ValueKind == JsonValueKind.Number ? value.GetRawText() : Unwrap(value);
        return long.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    private static string Unwrap(JsonElement value)
    {
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        for (var depth = 0; depth < 4 && text.Length >= 2 && text[0] == '"' && text[^1] == '"'; depth++)
        {
            try
            {
                text = JsonSerializer.Deserialize<string>(text) ?? string.Empty;
            }
            catch (JsonException)
            {
                break;
            }
        }

        return text;
    }
}
