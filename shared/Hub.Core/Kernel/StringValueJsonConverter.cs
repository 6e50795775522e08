using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hub.Core.Kernel;

/// <summary>Writes a domain value (a person key, a division code…) as its plain string, not as an object.</summary>
internal sealed class StringValueJsonConverter<T>(Func<string, T> parse, Func<T, string> format, string pattern) : JsonConverter<T>, IStringValueJsonConverter
{
    public string Pattern { get; } = pattern;

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        parse(reader.GetString() ?? throw new JsonException($"A {typeof(T).Name} is a string."));

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(format(value));
    }
}
