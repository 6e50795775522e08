using System.Net;
using Hub.Core.Access;
using Hub.Tests.Shared;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Hub.Cli.Tests;

public sealed class DivisionsCommandTests
{
    [Fact]
    public async Task Divisions_load_checks_the_file_offline_and_sends_nothing_when_it_has_errors()
    {
        using var folder = new TemporaryFolder();
        var shipped = await File.ReadAllTextAsync(ShippedFiles.Divisions);
        await File.WriteAllTextAsync(folder.File("registry.json"), shipped.Replace("\"parent\": \"110108\"", "\"parent\": \"110109\"", StringComparison.Ordinal));
        var hub = new StubHub((_, _) => throw new InvalidOperationException("not asked"));

        var run = await Cli.RunAsync(hub, "divisions", "load", folder.File("registry.json"));

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Empty(hub.Requests);
        Assert.Contains("error: registry.json: divisions[59].parent: 110109000000 is not a division of the file; fix: add the parent, or correct the code", run.Error, StringComparison.Ordinal);
        Assert.Contains("registry.json: 6 error(s); nothing loaded.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Divisions_load_puts_the_checked_file_as_an_administrator()
    {
        var hub = new StubHub((_, _) => StubHub.Json(HttpStatusCode.OK, """{"version": "2026.1", "outcome": "loaded", "divisionCount": 151, "gridCount": 1024, "warnings": []}"""));

        var run = await Cli.RunAsync(hub, "divisions", "load", ShippedFiles.Divisions);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var (request, body) = Assert.Single(hub.Requests);
        Assert.Equal((HttpMethod.Put, "/api/divisions"), (request.Method, request.RequestUri!.AbsolutePath));
        Assert.Equal(await File.ReadAllBytesAsync(ShippedFiles.Divisions), body);
        Assert.Equal(HubRoles.Administrator, new JsonWebToken(request.Headers.Authorization!.Parameter).GetClaim(HubClaims.Roles).Value);
        Assert.Contains("registry.json: registry 2026.1, 151 divisions, 1024 grids, 0 warning(s).", run.Output, StringComparison.Ordinal);
        Assert.Contains("Division registry 2026.1 is in force: 151 divisions, 1024 grids.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Divisions_show_prints_the_path_the_successor_and_the_children_by_name()
    {
        const string Answer = """
            {"division": {"code": "110105007000", "name": "光华路街道", "level": "street", "parent": "110105000000", "validFrom": "2000-01-01", "validTo": "2021-12-31", "successor": "110105003000", "fullName": "朝阳区 / 光华路街道"},
             "version": "2026.1", "current": "110105003000", "path": [],
             "children": [{"code": "110105007001", "name": "光华东里社区", "level": "community", "validTo": "2021-12-31", "fullName": "朝阳区 / 光华路街道 / 光华东里社区"}],
             "grids": [], "predecessors": []}
            """;
        var hub = new StubHub((_, _) => StubHub.Json(HttpStatusCode.OK, Answer));

        var run = await Cli.RunAsync(hub, "divisions", "show", "110105007");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("/api/divisions/110105007", Assert.Single(hub.Requests).Request.RequestUri!.AbsolutePath);
        Assert.Contains("朝阳区 / 光华路街道 (110105007000, street)", run.Output, StringComparison.Ordinal);
        Assert.Contains("In force: 2000-01-01 to 2021-12-31", run.Output, StringComparison.Ordinal);
        Assert.Contains("Merged into 110105003000; lies today in 110105003000.", run.Output, StringComparison.Ordinal);
        Assert.Contains("光华东里社区", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Divisions_list_prints_names_and_paths_of_a_parents_divisions()
    {
        var hub = new StubHub((_, _) => StubHub.Json(HttpStatusCode.OK, """{"version": "2026.1", "hash": "00", "divisionCount": 151, "gridCount": 1024, "divisions": [{"code": "110105001000", "name": "建外街道", "level": "street", "validFrom": "2000-01-01", "fullName": "朝阳区 / 建外街道"}]}"""));

        var run = await Cli.RunAsync(hub, "divisions", "list", "--parent", "110105");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("/api/divisions?parent=110105", Assert.Single(hub.Requests).Request.RequestUri!.PathAndQuery);
        Assert.Contains("朝阳区 / 建外街道", run.Output, StringComparison.Ordinal);
        Assert.Contains("1 divisions; registry 2026.1.", run.Output, StringComparison.Ordinal);
    }
}
