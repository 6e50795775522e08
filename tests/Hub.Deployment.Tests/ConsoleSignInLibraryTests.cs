using System.Text.Json.Nodes;
using Hub.Tests.Shared;

namespace Hub.Deployment.Tests;

/// <summary>
/// The console signs in with Microsoft's library as shipped by npm: the copy the Hub serves is the version
/// eng/msal-browser pins, with its licence, loaded from the Hub's own origin.
/// </summary>
public sealed class ConsoleSignInLibraryTests
{
    private static readonly string Vendor = Path.Combine(RepositoryRoot.Path, "functions", "Hub.Functions", "WebConsole", "wwwroot", "vendor", "msal-browser");

    [Fact]
    public void The_served_library_is_the_pinned_version_with_its_licence()
    {
        var pinned = (string)JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "eng", "msal-browser", "package.json")))!["dependencies"]!["@azure/msal-browser"]!;

        foreach (var file in new[] { "msal-browser.min.js", "msal-redirect-bridge.min.js" })
        {
            var banner = File.ReadLines(Path.Combine(Vendor, file)).First();
            Assert.StartsWith($"/*! @azure/msal-browser v{pinned} ", banner, StringComparison.Ordinal);
        }

        Assert.Contains("MIT License", File.ReadAllText(Path.Combine(Vendor, "LICENSE.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_console_and_its_redirect_page_load_the_library_from_the_Hub_itself()
    {
        var wwwroot = Path.GetDirectoryName(Path.GetDirectoryName(Vendor))!;

        Assert.Contains("<script src=\"vendor/msal-browser/msal-browser.min.js\"", File.ReadAllText(Path.Combine(wwwroot, "index.html")), StringComparison.Ordinal);
        Assert.Contains("<script src=\"vendor/msal-browser/msal-redirect-bridge.min.js\"", File.ReadAllText(Path.Combine(wwwroot, "redirect.html")), StringComparison.Ordinal);
        Assert.DoesNotContain("/oauth2/v2.0/token", File.ReadAllText(Path.Combine(wwwroot, "js", "entra.js")), StringComparison.Ordinal);
    }
}
