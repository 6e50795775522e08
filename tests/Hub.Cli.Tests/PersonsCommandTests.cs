using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Hub.Core.Access;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Hub.Cli.Tests;

public sealed class PersonsCommandTests
{
    private const string ResidentId = "11010519491231002X";

    [Fact]
    public async Task Persons_report_reads_the_id_number_from_a_file_and_writes_the_printable_document()
    {
        using var folder = new TemporaryFolder();
        await File.WriteAllTextAsync(folder.File("id.txt"), ResidentId + "\n");
        const string Document = "<!DOCTYPE html><html lang=\"zh-CN\"><title>个人信息查阅报告</title></html>";
        var hub = new StubHub((_, _) => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Document, Encoding.UTF8, "text/html") });

        var run = await Cli.RunAsync(hub, "persons", "report", "--id-file", folder.File("id.txt"), "--out", folder.File("report.html"), "--division", "110105001000");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var (request, body) = Assert.Single(hub.Requests);
        Assert.Equal((HttpMethod.Post, "/api/persons/subject-report"), (request.Method, request.RequestUri!.AbsolutePath));
        Assert.DoesNotContain(ResidentId, request.RequestUri.OriginalString, StringComparison.Ordinal);
        Assert.Equal(ResidentId, (string?)JsonNode.Parse(body)!["residentId"]);
        Assert.Equal("text/html", Assert.Single(request.Headers.Accept).MediaType);
        Assert.Equal(HubRoles.StreetOfficer, new JsonWebToken(request.Headers.Authorization!.Parameter).GetClaim(HubClaims.Roles).Value);
        Assert.Equal(Document, await File.ReadAllTextAsync(folder.File("report.html")));
        Assert.DoesNotContain(ResidentId, run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Persons_report_without_a_person_is_a_usage_error_and_asks_nothing()
    {
        using var folder = new TemporaryFolder();
        var hub = new StubHub((_, _) => throw new InvalidOperationException("not asked"));

        var run = await Cli.RunAsync(hub, "persons", "report", "--out", folder.File("report.json"), "--format", "json", "--division", "110105001000");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Empty(hub.Requests);
        Assert.False(File.Exists(folder.File("report.json")));
    }

    [Fact]
    public async Task Persons_correct_posts_the_request_file_and_a_department_officer_lists_and_decides()
    {
        using var folder = new TemporaryFolder();
        await File.WriteAllTextAsync(folder.File("correction.json"), $$"""{"residentId": "{{ResidentId}}", "attribute": "phone", "proposedValue": "13900001111", "reason": "号码已更换"}""");
        const string Filed = """{"id": "0000000000000000001-0a1b2c3d", "owner": "civil-affairs", "attribute": "phone", "personKey": "abc456789abcdef0123456789abcdef0", "status": "open"}""";
        var hub = new StubHub((request, _) => StubHub.Json(
            request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.EndsWith("/decision", StringComparison.Ordinal) ? HttpStatusCode.OK : request.Method == HttpMethod.Post ? HttpStatusCode.Created : HttpStatusCode.OK,
            request.Method == HttpMethod.Get ? $$"""{"department": "civil-affairs", "items": [{{Filed}}]}""" : request.RequestUri!.AbsolutePath.EndsWith("/decision", StringComparison.Ordinal) ? Filed.Replace("\"open\"", "\"accepted\"", StringComparison.Ordinal) : Filed));

        var filed = await Cli.RunAsync(hub, "persons", "correct", "--request-file", folder.File("correction.json"), "--division", "110105001000");
        var listed = await Cli.RunAsync(hub, "persons", "corrections", "--status", "open", "--department", "civil-affairs");
        var decided = await Cli.RunAsync(hub, "persons", "decide", "0000000000000000001-0a1b2c3d", "--accept", "--answer", "已更正", "--department", "civil-affairs");

        Assert.Equal((ExitCodes.Success, ExitCodes.Success, ExitCodes.Success), (filed.ExitCode, listed.ExitCode, decided.ExitCode));
        Assert.Contains("filed for civil-affairs", filed.Output, StringComparison.Ordinal);
        Assert.Equal(ResidentId, (string?)JsonNode.Parse(hub.Requests[0].Body)!["residentId"]);
        Assert.Equal("/api/persons/corrections?status=open", hub.Requests[1].Request.RequestUri!.PathAndQuery);
        Assert.Equal(("civil-affairs", HubRoles.DepartmentOfficer), (new JsonWebToken(hub.Requests[1].Request.Headers.Authorization!.Parameter).GetClaim(HubClaims.Department).Value, new JsonWebToken(hub.Requests[1].Request.Headers.Authorization!.Parameter).GetClaim(HubClaims.Roles).Value));
        Assert.Contains("1 requests.", listed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("13900001111", listed.Output, StringComparison.Ordinal);
        Assert.Equal("accept", (string?)JsonNode.Parse(hub.Requests[2].Body)!["decision"]);
        Assert.Contains("is accepted", decided.Output, StringComparison.Ordinal);
    }
}
