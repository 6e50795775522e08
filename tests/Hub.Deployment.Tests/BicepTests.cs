using System.Text.Json.Nodes;
using Hub.Tests.Shared;

namespace Hub.Deployment.Tests;

/// <summary>The infrastructure templates build and lint clean, and give the app what it reads and no key.</summary>
[Collection(TemplatesGroup.Name)]
public sealed class BicepTests(CompiledTemplates templates)
{
    [Fact]
    public void Every_template_builds_and_lints_without_a_warning()
    {
        Assert.True(templates.LintExitCode == 0, templates.LintOutput);
        Assert.Equal(string.Empty, templates.LintOutput.Trim());
    }

    [Theory]
    [InlineData("HubStorage__queueServiceUri")]
    [InlineData("AzureWebJobsStorage__blobServiceUri")]
    [InlineData("AzureWebJobsStorage__queueServiceUri")]
    [InlineData("AzureWebJobsStorage__tableServiceUri")]
    [InlineData("Hub__Storage__AccountName")]
    [InlineData("Hub__Storage__EndpointSuffix")]
    [InlineData("Hub__Storage__Audience")]
    [InlineData("Hub__Identity__AuthorityHost")]
    [InlineData("Hub__PersonKey__Pepper")]
    [InlineData("Hub__Protection__Keys__k1")]
    [InlineData("Hub__Protection__CurrentKey")]
    [InlineData("Hub__Auth__Authority")]
    [InlineData("Hub__Auth__Audience")]
    [InlineData("Hub__Feeds__SpillBudgetBytes")]
    public void The_function_app_sets_what_the_Hub_and_its_bindings_read_on_either_plan(string setting)
    {
        Assert.Contains(setting, templates.CommonAppSettings.Keys);
    }

    [Fact]
    public void The_pepper_and_the_protection_key_come_from_Key_Vault_references_not_plain_values()
    {
        // The platform resolves a reference with the app's identity; the vault URI carries the cloud's suffix.
        Assert.StartsWith("[format('@Microsoft.KeyVault(SecretUri={0}secrets/{1}/)', parameters('keyVaultUri')", templates.CommonAppSettings["Hub__PersonKey__Pepper"], StringComparison.Ordinal);
        Assert.StartsWith("[format('@Microsoft.KeyVault(SecretUri={0}secrets/protection-key-1/)', parameters('keyVaultUri')", templates.CommonAppSettings["Hub__Protection__Keys__k1"], StringComparison.Ordinal);
    }

    [Fact]
    public void No_storage_key_is_read_or_written_anywhere_and_both_accounts_refuse_shared_keys()
    {
        Assert.DoesNotContain("listKeys", templates.MainText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AccountKey", templates.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain("WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", templates.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain("AzureWebJobsStorage", templates.CommonAppSettings.Keys);
        Assert.DoesNotContain("AzureWebJobsStorage", templates.PremiumAppSettings.Keys);
        foreach (var module in new[] { "hubStorage", "hostStorage" })
        {
            var account = Assert.Single(templates.Resources(module, "Microsoft.Storage/storageAccounts"));
            Assert.False((bool)account["properties"]!["allowSharedKeyAccess"]!);
        }
    }

    [Fact]
    public void The_host_accepts_bodies_as_large_as_the_Hub_does_by_default()
    {
        var settings = templates.CommonAppSettings;
        Assert.Equal("[string(parameters('maxFeedBytes'))]", settings["FUNCTIONS_REQUEST_BODY_SIZE_LIMIT"]);
        Assert.Equal(settings["FUNCTIONS_REQUEST_BODY_SIZE_LIMIT"], settings["Hub__Feeds__MaxPayloadBytes"]);
        Assert.Equal("[parameters('maxFeedBytes')]", templates.ModuleArgument("functionApp", "maxFeedBytes"));

        var appSettings = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "functions", "Hub.Functions", "appsettings.json")))!;
        Assert.Equal(
            (long)appSettings["Hub"]!["Feeds"]!["MaxPayloadBytes"]!,
            (long)templates.Main["parameters"]!["maxFeedBytes"]!["defaultValue"]!);
    }
}
