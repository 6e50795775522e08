namespace Hub.Deployment.Tests;

/// <summary>Large feeds are uploaded into a container of the Hub's account, stale uploads are deleted, and the Hub can sign the URLs.</summary>
[Collection(TemplatesGroup.Name)]
public sealed class UploadStorageTests(CompiledTemplates templates)
{
    // Storage Blob Data Contributor: includes generateUserDelegationKey/action, the one permission a user delegation SAS needs.
    private const string BlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";

    [Fact]
    public void The_uploads_container_exists_and_a_lifecycle_rule_deletes_what_was_never_taken()
    {
        Assert.Contains(templates.Resources("hubStorage", "Microsoft.Storage/storageAccounts/blobServices/containers"), c => ((string)c["name"]!).Contains("'uploads'", StringComparison.Ordinal));
        var policy = Assert.Single(templates.Resources("hubStorage", "Microsoft.Storage/storageAccounts/managementPolicies"));
        var rule = Assert.Single(policy["properties"]!["policy"]!["rules"]!.AsArray())!;
        Assert.True((bool)rule["enabled"]!);
        Assert.Equal("uploads/", (string)rule["definition"]!["filters"]!["prefixMatch"]![0]!);
        Assert.Equal("[parameters('staleUploadDays')]", (string)rule["definition"]!["actions"]!["baseBlob"]!["delete"]!["daysAfterModificationGreaterThan"]!);
        Assert.Equal("[parameters('staleUploadDays')]", templates.ModuleArgument("hubStorage", "staleUploadDays"));
    }

    [Fact]
    public void The_Hub_identity_may_get_a_user_delegation_key_and_the_url_lifetime_is_a_setting()
    {
        var roles = templates.ModuleTemplate("roleAssignments")["variables"]!["roles"]!;
        Assert.Equal(BlobDataContributor, (string)roles["storageBlobDataContributor"]!);
        var hubData = Assert.Single(templates.Resources("roleAssignments", "Microsoft.Authorization/roleAssignments"), r => ((string)r["scope"]!).Contains("hubStorageName", StringComparison.Ordinal));
        Assert.Contains("variables('roles').storageBlobDataContributor", (string)hubData["copy"]!["count"]!, StringComparison.Ordinal);
        Assert.Equal("[parameters('uploadUrlLifetime')]", templates.CommonAppSettings["Hub__Feeds__UploadUrlLifetime"]);
    }
}
