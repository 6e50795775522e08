using System.Text.Json;
using Hub.Core.Feeds.Sources;

namespace Hub.Core.Tests.Feeds.Sources;

/// <summary>Reads a mapping written in a test as an operator would write the file, and checks it is valid.</summary>
internal static class MappingJson
{
    public static SourceMapping Parse(string json) => JsonSerializer.Deserialize<SourceMapping>(json, SourceCatalog.JsonOptions)!;

    public static SourceMapping Valid(string json)
    {
        var mapping = Parse(json);
        Assert.Empty(SourceCatalog.Validate(mapping));
        return mapping;
    }
}
