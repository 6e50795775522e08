using Hub.Core.Storage;
using Hub.Functions.Tests.Infrastructure;

namespace Hub.Functions.Tests.Storage;

[Collection(AzuriteFixture.Collection)]
public sealed class BlobFolderTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private StorageTestAccount _account = null!;

    private BlobFolder Folder => _account.Storage.AuditCheckpointsFolder;

    public async Task InitializeAsync() => _account = await StorageTestAccount.CreateAsync(azurite);

    public async Task DisposeAsync() => await _account.DisposeAsync();

    [Fact]
    public async Task A_file_is_created_once_and_a_second_create_leaves_the_first_content()
    {
        var first = await Folder.CreateAsync("d20250301/1-2.json", BinaryData.FromString("{\"n\":1}"), "application/json");
        var second = await Folder.CreateAsync("d20250301/1-2.json", BinaryData.FromString("{\"n\":2}"), "application/json");

        Assert.True(first);
        Assert.False(second);
        Assert.Equal("{\"n\":1}", (await Folder.DownloadAsync("d20250301/1-2.json"))!.ToString());
        Assert.True(await Folder.ExistsAsync("d20250301/1-2.json"));
    }

    [Fact]
    public async Task A_missing_file_downloads_as_null_and_does_not_exist()
    {
        Assert.Null(await Folder.DownloadAsync("d20250301/none.json"));
        Assert.False(await Folder.ExistsAsync("d20250301/none.json"));
        Assert.True(await Folder.ExistsAsync());
    }

    [Fact]
    public async Task Listing_by_prefix_names_only_that_folders_files_and_folders_are_listed_once()
    {
        foreach (var name in new[] { "d20250302/3-4.json", "d20250301/1-2.json", "d20250301/2-3.json", "d20250303/5-5.json" })
        {
            await Folder.CreateAsync(name, BinaryData.FromString("{}"), "application/json");
        }

        var day = await Folder.ListAsync("d20250301/").ToListAsync();
        var folders = await Folder.ListFoldersAsync().ToListAsync();

        Assert.Equal(["d20250301/1-2.json", "d20250301/2-3.json"], day);
        Assert.Equal(["d20250301/", "d20250302/", "d20250303/"], folders);
    }

    [Fact]
    public async Task An_uploaded_file_replaces_the_one_before_and_reads_back_as_a_stream()
    {
        using (var first = new MemoryStream("a,b\n"u8.ToArray()))
        {
            await _account.Storage.RejectsFolder.UploadAsync("s/batch.csv", first, "text/csv");
        }

        using (var second = new MemoryStream("c,d\n"u8.ToArray()))
        {
            await _account.Storage.RejectsFolder.UploadAsync("s/batch.csv", second, "text/csv");
        }

        await using var read = await _account.Storage.RejectsFolder.OpenReadAsync("s/batch.csv");
        using var reader = new StreamReader(read);
        Assert.Equal("c,d\n", await reader.ReadToEndAsync());
    }
}
