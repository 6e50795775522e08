using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Hub.Deployment.Tests;

/// <summary>
/// The compiled templates serve any Azure cloud, either plan, and a second deployment after the audit retention
/// policy was locked: checked on the ARM JSON that <c>eng/bicep.sh</c> compiles.
/// </summary>
[Collection(TemplatesGroup.Name)]
public sealed partial class TemplateChoicesTests(CompiledTemplates templates)
{
    private const string StorageSuffix = "[variables('storageSuffix')]";
    private const string ImmutabilityPolicy = "Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies";

    [Theory]
    [InlineData("core.windows.net")]
    [InlineData("core.chinacloudapi.cn")]
    [InlineData("vault.azure.net")]
    [InlineData("vault.azure.cn")]
    [InlineData("login.microsoftonline.com")]
    [InlineData("login.chinacloudapi.cn")]
    [InlineData("azurewebsites.net")]
    public void No_cloud_endpoint_is_written_into_the_template(string endpoint)
    {
        Assert.DoesNotContain(endpoint, templates.MainText, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Storage_Key_Vault_and_sign_in_endpoints_come_from_the_cloud_the_deployment_runs_in()
    {
        var variables = templates.Main["variables"]!;
        Assert.Equal("[environment()]", (string?)variables["cloud"]);
        Assert.Equal("[variables('cloud').suffixes.storage]", (string?)variables["storageSuffix"]);
        Assert.Contains("variables('cloud').suffixes.keyvaultDns", (string?)variables["keyVaultUri"], StringComparison.Ordinal);

        Assert.Equal(StorageSuffix, templates.ModuleArgument("functionApp", "storageEndpointSuffix"));
        Assert.Equal("[variables('keyVaultUri')]", templates.ModuleArgument("functionApp", "keyVaultUri"));
        Assert.Equal("[variables('cloud').authentication.loginEndpoint]", templates.ModuleArgument("functionApp", "authorityHost"));
        Assert.StartsWith("[format('{0}{1}/v2.0', variables('cloud').authentication.loginEndpoint", templates.ModuleArgument("functionApp", "authAuthority"), StringComparison.Ordinal);
        foreach (var endpoint in new[] { "hostBlobEndpoint", "hostQueueEndpoint", "hostTableEndpoint", "hubQueueEndpoint" })
        {
            Assert.Contains(StorageSuffix.Trim('[', ']'), templates.ModuleArgument("functionApp", endpoint), StringComparison.Ordinal);
        }

        var settings = templates.CommonAppSettings;
        Assert.Equal("[parameters('storageEndpointSuffix')]", settings["Hub__Storage__EndpointSuffix"]);
        Assert.Equal("[parameters('storageAudience')]", settings["Hub__Storage__Audience"]);
        Assert.Equal("[parameters('authorityHost')]", settings["Hub__Identity__AuthorityHost"]);
        Assert.Equal("[parameters('hostBlobEndpoint')]", settings["AzureWebJobsStorage__blobServiceUri"]);
        Assert.Contains("parameters('keyVaultUri')", settings["Hub__PersonKey__Pepper"], StringComparison.Ordinal);
    }

    [Fact]
    public void Azure_China_gets_its_own_storage_token_audience_and_public_Azure_the_default()
    {
        var audiences = templates.Main["variables"]!["storageAudiences"]!;
        Assert.Equal("https://storage.azure.cn", (string?)audiences["AzureChinaCloud"]);
        Assert.Equal(
            "[coalesce(tryGet(variables('storageAudiences'), variables('cloud').name), 'https://storage.azure.com')]",
            (string?)templates.Main["variables"]!["storageAudience"]);
    }

    [Fact]
    public void The_plan_is_Flex_Consumption_by_default_or_Elastic_Premium_for_the_same_app()
    {
        var hostingPlan = templates.Main["parameters"]!["hostingPlan"]!;
        Assert.Equal("FlexConsumption", (string?)hostingPlan["defaultValue"]);
        Assert.Equal(["FlexConsumption", "ElasticPremium"], hostingPlan["allowedValues"]!.AsArray().Select(v => (string)v!));
        Assert.Equal("[parameters('hostingPlan')]", templates.ModuleArgument("functionApp", "hostingPlan"));

        var plan = Assert.Single(templates.Resources("functionApp", "Microsoft.Web/serverfarms"));
        var sku = (string)plan["sku"]!;
        Assert.Contains("FC1", sku, StringComparison.Ordinal);
        Assert.Contains("parameters('premiumSku')", sku, StringComparison.Ordinal);
        Assert.Contains("ElasticPremium", sku, StringComparison.Ordinal);

        // One site resource for both plans: Flex gets functionAppConfig, Premium the run-from-package settings.
        var site = Assert.Single(templates.Resources("functionApp", "Microsoft.Web/sites"));
        Assert.StartsWith("[if(variables('isFlex'), createObject('deployment'", (string?)site["properties"]!["functionAppConfig"], StringComparison.Ordinal);
        Assert.Equal(
            "[if(variables('isFlex'), variables('commonSettings'), concat(variables('commonSettings'), variables('premiumSettings')))]",
            (string?)site["properties"]!["siteConfig"]!["appSettings"]);
        Assert.Equal("equals(parameters('hostingPlan'), 'FlexConsumption')", ((string?)templates.ModuleTemplate("functionApp")["variables"]!["isFlex"])!.Trim('[', ']'));

        var premium = templates.PremiumAppSettings;
        Assert.Equal("custom", premium["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.Contains("parameters('hostBlobEndpoint')", premium["WEBSITE_RUN_FROM_PACKAGE"], StringComparison.Ordinal);
        Assert.Equal("SystemAssigned", premium["WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID"]);

        // Flex Consumption refuses a FUNCTIONS_WORKER_RUNTIME app setting; it declares the runtime instead.
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", templates.CommonAppSettings.Keys);
        Assert.Contains("createObject('name', 'custom'", (string?)site["properties"]!["functionAppConfig"], StringComparison.Ordinal);
    }

    [Fact]
    public void Always_ready_instances_are_offered_on_both_plans()
    {
        Assert.Equal(0, (int)templates.Main["parameters"]!["alwaysReadyInstances"]!["defaultValue"]!);
        var site = Assert.Single(templates.Resources("functionApp", "Microsoft.Web/sites"));

        Assert.Contains("'alwaysReady', if(greater(parameters('alwaysReadyInstances'), 0), createArray(createObject('name', 'http', 'instanceCount', parameters('alwaysReadyInstances')))", (string?)site["properties"]!["functionAppConfig"], StringComparison.Ordinal);
        Assert.Equal("[if(variables('isFlex'), null(), max(1, parameters('alwaysReadyInstances')))]", (string?)site["properties"]!["siteConfig"]!["minimumElasticInstanceCount"]);
    }

    [Fact]
    public void With_the_retention_policy_locked_a_redeployment_leaves_the_policy_out_and_everything_else_unchanged()
    {
        Assert.False((bool)templates.Main["parameters"]!["auditImmutabilityLocked"]!["defaultValue"]!);
        Assert.Equal("[parameters('auditImmutabilityLocked')]", templates.ModuleArgument("hubStorage", "auditImmutabilityLocked"));

        var unlocked = Deployed("hubStorage", locked: false);
        var locked = Deployed("hubStorage", locked: true);

        var policy = Assert.Single(unlocked, r => (string?)r["type"] == ImmutabilityPolicy);
        Assert.Equal("[parameters('auditRetentionDays')]", (string?)policy["properties"]!["immutabilityPeriodSinceCreationInDays"]);
        Assert.False((bool)policy["properties"]!["allowProtectedAppendWrites"]!);
        Assert.DoesNotContain(locked, r => (string?)r["type"] == ImmutabilityPolicy);
        Assert.Equal(unlocked.Count - 1, locked.Count);
        Assert.All(locked, r => Assert.Contains(r, unlocked));

        // Nothing else writes the policy: no other module, and no container carries immutability settings.
        foreach (var module in templates.Main["resources"]!.AsArray().Select(m => (string)m!["name"]!))
        {
            var text = templates.ModuleTemplate(module).ToJsonString();
            Assert.Equal(module == "hubStorage" ? 1 : 0, text.Split("immutabilityPolicies").Length - 1);
            Assert.DoesNotContain("immutableStorageWithVersioning", text, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// The resources of a module a deployment would write, given <c>auditImmutabilityLocked</c>. Only the condition
    /// forms the templates use are understood; any other fails the test, so a new condition is looked at.
    /// </summary>
    private List<JsonObject> Deployed(string module, bool locked) =>
        [.. templates.ModuleTemplate(module)["resources"]!.AsArray().Select(r => r!.AsObject()).Where(r => Holds(r["condition"], locked))];

    private static bool Holds(JsonNode? condition, bool locked)
    {
        if (condition is null)
        {
            return true;
        }

        var match = ConditionForm().Match((string)condition!);
        Assert.True(match.Success && match.Groups["parameter"].Value == "auditImmutabilityLocked", $"Unexpected deployment condition {condition}.");
        return match.Groups["not"].Success ? !locked : locked;
    }

    [GeneratedRegex(@"^\[(?<not>not\()?parameters\('(?<parameter>\w+)'\)\)?\]$")]
    private static partial Regex ConditionForm();
}
