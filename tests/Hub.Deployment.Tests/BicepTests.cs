using Hub.Tests.Shared;

namespace Hub.Deployment.Tests;

/// <summary>The infrastructure templates build and lint with no diagnostic at all.</summary>
public sealed class BicepTests
{
    [Fact]
    public async Task Every_template_builds_and_lints_without_a_warning()
    {
        var result = await Script.RunAsync("eng/bicep.sh", "--quiet");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal(string.Empty, result.Output.Trim());
    }

    [Theory]
    [InlineData("HubStorage__queueServiceUri")]
    [InlineData("AzureWebJobsStorage__accountName")]
    [InlineData("Hub__Storage__AccountName")]
    [InlineData("Hub__PersonKey__Pepper")]
    [InlineData("Hub__Protection__Keys__k1")]
    [InlineData("Hub__Protection__CurrentKey")]
    [InlineData("Hub__Auth__Authority")]
    [InlineData("Hub__Auth__Audience")]
    public void The_function_app_sets_what_the_Hub_and_its_bindings_read(string setting)
    {
        var template = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "infra", "modules", "functionApp.bicep"));

        Assert.Contains($"name: '{setting}'", template, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pepper_comes_from_a_Key_Vault_reference_not_a_plain_value()
    {
        var template = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "infra", "modules", "functionApp.bicep"));

        Assert.Contains("{ name: 'Hub__PersonKey__Pepper', value: '@Microsoft.KeyVault(", template, StringComparison.Ordinal);
        Assert.Contains("{ name: 'Hub__Protection__Keys__k1', value: '@Microsoft.KeyVault(", template, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", template, StringComparison.Ordinal);
    }
}
