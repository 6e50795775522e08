using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Hub.Functions.Tests.Infrastructure;

/// <summary>
/// The Hub's OpenAPI document as a contract an answer can be checked against: the status is documented for the
/// operation, the content type for the status, the headers it requires are sent, and a JSON body validates against the
/// schema (JSON Schema 2020-12, OpenAPI 3.1's dialect; references into <c>components/schemas</c> resolve as
/// <c>$defs</c>). What a violation says names the operation, the status and the schema error, never a value of the body.
/// </summary>
internal sealed class OpenApiContract
{
    private const string ComponentPrefix = "#/components/schemas/";

    private static readonly ConcurrentDictionary<string, OpenApiContract> Contracts = new(StringComparer.Ordinal);

    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.Hierarchical, RequireFormatValidation = true };

    private readonly Dictionary<string, (string Path, JsonObject Operation)> _operations = new(StringComparer.Ordinal);
    private readonly JsonObject _definitions;
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);

    private OpenApiContract(JsonObject document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (_, operation) in item!.AsObject())
            {
                if (operation is JsonObject op && (string?)op["operationId"] is { } id)
                {
                    _operations[id] = (path, op);
                }
            }
        }

        _definitions = (JsonObject)WithDefinitionReferences(document["components"]?["schemas"] ?? new JsonObject());
    }

    /// <summary>The contract of a served document; one per distinct document text, since building schemas is not free.</summary>
    public static OpenApiContract Of(string document) => Contracts.GetOrAdd(document, text => new OpenApiContract(JsonNode.Parse(text)!.AsObject()));

    /// <summary>Every operation id in the document.</summary>
    public IReadOnlyCollection<string> Operations => _operations.Keys;

    /// <summary>What is wrong with <paramref name="answer"/> against the document; empty when it is what the document says.</summary>
    public IEnumerable<string> Check(ObservedResponse answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var name = $"{answer.Method} {answer.Operation} answered {answer.Status}";
        if (!_operations.TryGetValue(answer.Operation, out var found))
        {
            yield return $"{name}: the operation is not in the document";
            yield break;
        }

        var responses = found.Operation["responses"]!.AsObject();
        var status = answer.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if ((responses[status] ?? responses[$"{status[0]}XX"] ?? responses["default"]) is not JsonObject response)
        {
            yield return $"{name}: the document does not list that status (it lists {string.Join(", ", responses.Select(r => r.Key))})";
            yield break;
        }

        foreach (var (header, description) in response["headers"]?.AsObject() ?? [])
        {
            if ((bool?)description?["required"] == true && !answer.Headers.Contains(header))
            {
                yield return $"{name} without the {header} header the document requires";
            }
        }

        var content = response["content"]?.AsObject();
        if (answer.Body is { Length: 0 })
        {
            if (content is { Count: > 0 } && answer.Method != "HEAD")
            {
                yield return $"{name} without a body, where the document gives it {string.Join(", ", content.Select(c => c.Key))}";
            }

            yield break;
        }

        var mediaType = MediaType(answer.ContentType);
        if (mediaType is null || content?[mediaType] is not JsonObject media)
        {
            yield return $"{name} as {mediaType ?? "(no Content-Type)"}, which the document does not list for it ({string.Join(", ", content?.Select(c => c.Key) ?? ["no content"])})";
            yield break;
        }

        if (!mediaType.EndsWith("json", StringComparison.Ordinal) || answer.Body is null || media["schema"] is not { } schema)
        {
            yield break;
        }

        using var body = ParseOrNull(answer.Body);
        if (body is null)
        {
            yield return $"{name} as {mediaType}, but the body is not JSON";
        }
        else
        {
            var results = SchemaOf($"{answer.Operation} {status} {mediaType}", schema).Evaluate(body.RootElement, Evaluation);
            if (!results.IsValid)
            {
                yield return $"{name} as {mediaType}, which does not validate against its schema: {Describe(results)}";
            }
        }
    }

    /// <summary>What is wrong with <paramref name="example"/> against <paramref name="schema"/> from the document; null when it validates.</summary>
    public string? CheckExample(string where, JsonNode schema, JsonNode? example)
    {
        ArgumentNullException.ThrowIfNull(schema);
        using var document = JsonDocument.Parse(example?.ToJsonString() ?? "null");
        var results = SchemaOf($"example {where}", schema).Evaluate(document.RootElement, Evaluation);
        return results.IsValid ? null : Describe(results);
    }

    private JsonSchema SchemaOf(string key, JsonNode schema) => _schemas.GetOrAdd(key, _ =>
    {
        // The schema with every component beside it as $defs, so its references resolve inside one resource.
        var root = WithDefinitionReferences(schema) as JsonObject ?? new JsonObject { ["allOf"] = new JsonArray(WithDefinitionReferences(schema)) };
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        root["$defs"] = _definitions.DeepClone();
        // The schema keeps referring to the elements it was built from, so they must not belong to a disposable document.
        return JsonSchema.Build(JsonSerializer.SerializeToElement(root), new BuildOptions { SchemaRegistry = new SchemaRegistry() }, new Uri($"https://hub.tests/openapi/{Guid.NewGuid():N}"));
    });

    // The errors by where they are in the instance (a JSON pointer of property names and indexes) and what failed,
    // following only the failing parts of the evaluation: a branch that failed inside a passing oneOf is no error.
    private static string Describe(EvaluationResults results)
    {
        var errors = new List<string>();
        Collect(results, errors);
        var distinct = errors.Distinct(StringComparer.Ordinal).Take(6).ToList();
        return distinct.Count == 0 ? "(no detail)" : string.Join("; ", distinct);
    }

    private static void Collect(EvaluationResults node, List<string> errors)
    {
        if (node.IsValid)
        {
            return;
        }

        foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
        {
            errors.Add($"at '{node.InstanceLocation}' {keyword}: {message}");
        }

        foreach (var child in node.Details ?? [])
        {
            Collect(child, errors);
        }
    }

    private static JsonNode WithDefinitionReferences(JsonNode node)
    {
        var copy = node.DeepClone();
        Rewrite(copy);
        return copy;
    }

    private static void Rewrite(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["$ref"] is JsonValue reference && reference.TryGetValue<string>(out var target) && target.StartsWith(ComponentPrefix, StringComparison.Ordinal))
                {
                    obj["$ref"] = "#/$defs/" + target[ComponentPrefix.Length..];
                }

                foreach (var (_, child) in obj.ToList())
                {
                    Rewrite(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Rewrite(child);
                }

                break;
        }
    }

    private static JsonDocument? ParseOrNull(byte[] json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? MediaType(string? contentType) =>
        contentType is null ? null : contentType.Split(';')[0].Trim().ToLowerInvariant();
}
