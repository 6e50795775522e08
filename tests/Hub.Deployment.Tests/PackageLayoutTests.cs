using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Hub.Deployment.Tests;

/// <summary>The package is laid out as the Functions host runs a custom handler.</summary>
[Collection(PackageGroup.Name)]
public sealed partial class PackageLayoutTests(PackageFixture package)
{
    private const string Executable = "Hub.Functions";

    [Fact]
    public void Host_json_at_the_root_starts_the_Hub_apphost_from_the_app_root()
    {
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(package.AppRoot, "host.json")))!;

        var description = host["customHandler"]!["description"]!;
        Assert.Equal(Executable, (string?)description["defaultExecutablePath"]);
        Assert.Equal(string.Empty, (string?)description["workingDirectory"]);
        Assert.True(File.Exists(Path.Combine(package.AppRoot, Executable)));
    }

    [Fact]
    public void The_handler_executable_keeps_its_execute_bit_in_the_zip()
    {
        using var zip = ZipFile.OpenRead(package.ZipPath);
        var entry = zip.GetEntry(Executable);

        Assert.NotNull(entry);
        var mode = (UnixFileMode)((entry.ExternalAttributes >> 16) & 0x1FF);
        Assert.True(mode.HasFlag(UnixFileMode.UserExecute), $"{Executable} is stored with mode {mode}.");
        Assert.True(mode.HasFlag(UnixFileMode.OtherExecute), $"{Executable} is stored with mode {mode}.");
    }

    [Fact]
    public void The_handler_is_self_contained_for_linux_x64()
    {
        // A self-contained app carries the runtime; the host image need not have .NET 10.
        Assert.True(File.Exists(Path.Combine(package.AppRoot, "libcoreclr.so")));
        var runtimeConfig = JsonNode.Parse(File.ReadAllText(Path.Combine(package.AppRoot, "Hub.Functions.runtimeconfig.json")))!;
        Assert.NotNull(runtimeConfig["runtimeOptions"]!["includedFrameworks"]);
    }

    [Fact]
    public void The_source_mappings_profile_rules_and_access_policy_are_shipped()
    {
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(package.AppRoot, "sources"), "*.json"));
        Assert.True(File.Exists(Path.Combine(package.AppRoot, "rules", "profiles.json")));
        Assert.True(File.Exists(Path.Combine(package.AppRoot, "policy", "access.json")));
    }

    [Fact]
    public void The_web_console_is_shipped_with_every_module_its_page_imports()
    {
        var root = Path.Combine(package.AppRoot, "WebConsole", "wwwroot");
        var entry = ModuleScript().Match(File.ReadAllText(Path.Combine(root, "index.html"))).Groups["src"].Value;

        // The page loads its entry module, which imports the others by relative path: follow them all.
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var missing = new List<string>();
        var pending = new Queue<string>([entry]);
        while (pending.TryDequeue(out var module))
        {
            if (!reached.Add(module))
            {
                continue;
            }

            var path = Path.Combine(root, module);
            if (!File.Exists(path))
            {
                missing.Add(module);
                continue;
            }

            foreach (Match import in ImportSpecifier().Matches(File.ReadAllText(path)))
            {
                var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, import.Groups["from"].Value));
                pending.Enqueue(Path.GetRelativePath(root, target).Replace(Path.DirectorySeparatorChar, '/'));
            }
        }

        Assert.Empty(missing);
        Assert.Contains(reached, m => m.StartsWith("js/", StringComparison.Ordinal));
        Assert.Contains(reached, m => m.StartsWith("pages/", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(root, "app.css")));
        Assert.True(File.Exists(Path.Combine(root, "i18n", "zh-CN.json")));
        Assert.True(File.Exists(Path.Combine(root, "i18n", "en.json")));
        // The sign-in: Microsoft's library with its licence, and the redirect page with its script.
        foreach (var file in new[] { "vendor/msal-browser/msal-browser.min.js", "vendor/msal-browser/msal-redirect-bridge.min.js", "vendor/msal-browser/LICENSE.txt", "redirect.html", "js/redirect.js" })
        {
            Assert.True(File.Exists(Path.Combine(root, file)), $"{file} is not in the package.");
        }
    }

    [Fact]
    public void Every_function_folder_holds_one_function_json_with_one_trigger()
    {
        Assert.NotEmpty(package.Functions);
        foreach (var (name, function) in package.Functions)
        {
            var triggers = function["bindings"]!.AsArray().Where(b => ((string?)b!["type"])!.EndsWith("Trigger", StringComparison.Ordinal));
            Assert.True(triggers.Count() == 1, $"{name} has {triggers.Count()} triggers.");
        }
    }

    [GeneratedRegex("""<script type="module" src="(?<src>[^"]+)">""")]
    private static partial Regex ModuleScript();

    // Static imports, with or without bindings: import { a } from './x.js'; import './y.js';
    [GeneratedRegex("""^\s*import\s*(?:[^;'"]*?\bfrom\s*)?'(?<from>\.{1,2}/[^']+)'""", RegexOptions.Multiline)]
    private static partial Regex ImportSpecifier();
}
