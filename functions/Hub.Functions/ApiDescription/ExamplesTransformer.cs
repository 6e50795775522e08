using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Hub.Functions.ApiDescription;

/// <summary>Adds the feed push body, which is read as a raw stream, and worked examples of a batch report.</summary>
internal sealed class ExamplesTransformer : IOpenApiOperationTransformer
{
    private const string CsvExample =
        "身份证号码,姓名,性别,救助类型,救助金额(元),享受起始日期,居住地区划代码,网格\r\n" +
        "11010519491231002X,王秀英,女,城市低保,1250,2024/3/1,110105003002,G07\r\n";

    private const string NdjsonExample =
        "{\"身份证号码\":\"11010519491231002X\",\"姓名\":\"王秀英\",\"救助类型\":\"城市低保\",\"享受起始日期\":\"2024-03-01\",\"居住地区划代码\":\"110105003002\"}";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        switch (operation.OperationId)
        {
            case "PushFeed":
                // The body is read as a raw stream (so any size streams through), so it is described here.
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Description = "The feed file, in the source's layout (GET /api/sources).",
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["text/csv"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String }, Example = JsonValue.Create(CsvExample) },
                        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
                        ["application/json"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Array }, Example = new JsonArray(JsonNode.Parse(NdjsonExample)) },
                        ["application/x-ndjson"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String }, Example = JsonValue.Create(NdjsonExample + "\n") },
                    },
                };

                AddResponseExample(operation, "202", BatchExample("accepted", 0, 0));
                break;
            case "GetFeedBatch":
                AddResponseExample(operation, "200", BatchExample("completed", 1, 1));
                break;
        }

        return Task.CompletedTask;
    }

    private static void AddResponseExample(OpenApiOperation operation, string status, JsonNode example)
    {
        if (operation.Responses?.TryGetValue(status, out var response) == true && response.Content?.TryGetValue("application/json", out var media) == true)
        {
            media.Example = example;
        }
    }

    private static JsonObject BatchExample(string status, int received, int rejected) => new()
    {
        ["id"] = "20261123150405-3fa9c2d1",
        ["source"] = "civil-affairs",
        ["mode"] = "delta",
        ["status"] = status,
        ["repeated"] = false,
        ["receivedAt"] = "2026-11-23T15:04:05+00:00",
        ["finishedAt"] = status == "completed" ? "2026-11-23T15:04:07+00:00" : null,
        ["payloadBytes"] = 1536,
        ["counts"] = new JsonObject
        {
            ["received"] = received + rejected,
            ["inserted"] = received,
            ["updated"] = 0,
            ["unchanged"] = 0,
            ["rejected"] = rejected,
            ["endDated"] = 0,
        },
        ["firstRejections"] = rejected == 0
            ? new JsonArray()
            : new JsonArray(new JsonObject { ["row"] = 3, ["field"] = "身份证号码", ["reason"] = "ID number fails its check character (ISO 7064 MOD 11-2)" }),
        ["ignoredColumns"] = new JsonArray(),
        ["failureReason"] = null,
        ["links"] = new JsonObject
        {
            ["self"] = "/api/feeds/civil-affairs/batches/20261123150405-3fa9c2d1",
            ["rejects"] = "/api/feeds/civil-affairs/batches/20261123150405-3fa9c2d1/rejects",
        },
    };
}
