using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using Hub.Core.Kernel;

namespace Hub.Core.Profiles;

/// <summary>The JSON form of a profile as stored and served: camelCase, keys and codes as plain strings, enums as words.</summary>
public static class ProfileJson
{
    /// <summary>The converters that write keys and codes as their plain strings; the API's JSON options carry them too.</summary>
    public static IReadOnlyList<JsonConverter> ValueConverters { get; } =
    [
        new StringValueJsonConverter<PersonKey>(PersonKey.Parse, k => k.Value, PersonKey.JsonPattern),
        new StringValueJsonConverter<DivisionCode>(DivisionCode.Parse, d => d.Value, DivisionCode.JsonPattern),
        new StringValueJsonConverter<GroupId>(GroupId.Parse, g => g.Value, GroupId.JsonPattern),
        new StringValueJsonConverter<HouseholdKey>(HouseholdKey.Parse, h => h.Value, HouseholdKey.JsonPattern),
    ];

    /// <summary>
    /// The serializer settings for profiles. Defaults (false, null) and empty lists are left out: a profile is written
    /// for every changed person, so its size is most of what building profiles costs in storage.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitEmptyCollections } },
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        };
        foreach (var converter in ValueConverters)
        {
            options.Converters.Add(converter);
        }

        return options;
    }

    private static void OmitEmptyCollections(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
        {
            if (property.PropertyType != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(property.PropertyType))
            {
                property.ShouldSerialize = (_, value) => value is not System.Collections.ICollection { Count: 0 };
            }
        }
    }

    /// <summary>Serialises a profile.</summary>
    public static string Serialize(PersonProfile profile) => JsonSerializer.Serialize(profile, Options);
}
