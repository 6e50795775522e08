using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Hub.Functions.ApiDescription;

/// <summary>Worked examples for the person endpoints: what a community worker's look and a verification return.</summary>
internal sealed class PersonExamplesTransformer : IOpenApiOperationTransformer
{
    private const string PersonKey = "3fa9c2d14b7e4a0c9d2e6f8a1b3c5d7e";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        switch (operation.OperationId)
        {
            case "GetPerson" or "LookUpPerson":
                Response(operation, PersonExample());
                Request(operation, new JsonObject { ["residentId"] = "11010519491231002X", ["purpose"] = "home-visit" });
                break;
            case "ListResidents":
                Response(operation, new JsonObject
                {
                    ["items"] = new JsonArray(new JsonObject
                    {
                        ["personKey"] = PersonKey,
                        ["name"] = "王秀英",
                        ["community"] = "110105001002",
                        ["grid"] = "G03",
                        ["places"] = new JsonArray("residence", "registration"),
                        ["groups"] = new JsonArray("dibao"),
                        ["householdKey"] = "h9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a",
                        ["provisional"] = false,
                        ["status"] = "active",
                    }),
                    ["activeOn"] = "2026-11-23",
                    ["status"] = "active",
                    ["continuation"] = "WyIxMTAxMDUwMDEiLCIwMDJ8RzAzfDNmYTkiXQ.Qm9keS1zaWduYXR1cmU",
                });
                break;
            case "ReadSubscriptionEvents":
                Response(operation, ChangeEventsExample());
                break;
            case "VerifyClaim":
                Request(operation, new JsonObject
                {
                    ["residentId"] = "11010519491231002X",
                    ["claim"] = new JsonObject { ["kind"] = "inGroup", ["group"] = "dibao", ["on"] = "2026-11-01" },
                    ["purpose"] = "eligibility-check",
                });
                Response(operation, new JsonObject { ["answer"] = true, ["asOf"] = "2026-11-01", ["source"] = "civil-affairs" });
                break;
            case "BreakGlass":
                Request(operation, new JsonObject { ["reason"] = "119 火警 2026-1123-07: 转移独居老人" });
                Response(operation, new JsonObject
                {
                    ["personKey"] = PersonKey,
                    ["grantedAt"] = "2026-11-23T15:04:05+00:00",
                    ["expiresAt"] = "2026-11-23T15:34:05+00:00",
                    ["purpose"] = "emergency-assistance",
                });
                break;
        }

        return Task.CompletedTask;
    }

    // A community worker's view with purpose home-visit: contact details shown, group details masked, no ID number.
    // A move into a street office's area: each division code shown in full is named from the registry beside it.
    private static JsonObject ChangeEventsExample() => new()
    {
        ["events"] = new JsonArray(new JsonObject
        {
            ["specversion"] = "1.0",
            ["id"] = "9c1e3b5d7f9a1c3e5b7d9f1a3c5e7b9d",
            ["source"] = "/hub/sources/police",
            ["type"] = "hub.person.residence-moved",
            ["time"] = "2026-11-23T02:14:05Z",
            ["subject"] = PersonKey,
            ["datacontenttype"] = "application/json",
            ["data"] = new JsonObject
            {
                ["personKey"] = PersonKey,
                ["effectiveDate"] = "2026-11-22",
                ["effectiveDateStated"] = false,
                ["batch"] = "20261123021200-7f3a9c1e",
                ["direction"] = "in",
                ["changes"] = new JsonObject
                {
                    ["residenceDivision"] = new JsonObject
                    {
                        ["before"] = "110105001001",
                        ["after"] = "110105003001",
                        ["beforeDivisionName"] = "光华里社区",
                        ["beforeDivisionPath"] = "朝阳区 / 建外街道 / 光华里社区",
                        ["afterDivisionName"] = "永定社区",
                        ["afterDivisionPath"] = "朝阳区 / 呼家楼街道 / 永定社区",
                    },
                },
            },
        }),
        ["next"] = "42",
        ["caughtUp"] = true,
    };

    private static JsonObject PersonExample() => new()
    {
        ["personKey"] = PersonKey,
        ["provisional"] = false,
        ["attributes"] = new JsonObject { ["name"] = "王秀英", ["sex"] = "female", ["birthDate"] = "1949-12-31", ["personStatus"] = "active", ["phone"] = "13812345678" },
        ["residence"] = new JsonObject { ["division"] = "110105001002", ["grid"] = "G03", ["address"] = "北京市朝阳区和平街道安华里社区3号楼2单元" },
        ["registration"] = new JsonObject { ["division"] = "110105001002" },
        ["status"] = "active",
        ["memberships"] = new JsonArray(new JsonObject { ["group"] = "***", ["active"] = true }),
        ["householdKey"] = "h9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a",
    };

    private static void Response(OpenApiOperation operation, JsonNode example)
    {
        if (operation.Responses?.TryGetValue("200", out var response) == true && response.Content?.TryGetValue("application/json", out var media) == true)
        {
            media.Example = example;
        }
    }

    private static void Request(OpenApiOperation operation, JsonNode example)
    {
        if (operation.RequestBody?.Content?.TryGetValue("application/json", out var media) == true)
        {
            media.Example = example;
        }
    }
}
