using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hub.Core.Feeds.Batches;

namespace Hub.Cli;

/// <summary>
/// Marks a followed batch's report as the answer to a repeated push. The Hub says <c>"repeated": true</c> only in its
/// answer to the push itself; the batch it returns is the earlier one, whose own report is read without the flag.
/// </summary>
internal static class RepeatedPush
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static HubAnswer<BatchReport> Mark(HubAnswer<BatchReport> report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var json = report.Json;
        if (JsonNode.Parse(json) is JsonObject body)
        {
            body["repeated"] = true;
            json = body.ToJsonString(Json);
        }

        return new HubAnswer<BatchReport>(report.Value with { Repeated = true }, json);
    }
}
