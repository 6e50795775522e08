using Hub.Core.Storage;

namespace Hub.Core.Tests.Storage;

public sealed class EntityChangeTests
{
    [Fact]
    public void A_delete_names_any_version_even_of_a_row_that_carries_the_version_it_was_read_at()
    {
        var read = new BareRow("p", "r") { Version = new EntityVersion("W/\"datetime'2025-03-01T08%3A00%3A00Z'\"") };

        var change = EntityChange.Delete(read);

        Assert.Equal(EntityVersion.Any, change.Version);
        Assert.Same(read, change.Entity);
    }

    [Fact]
    public void A_delete_by_keys_names_any_version_and_the_row_at_those_keys()
    {
        var change = EntityChange.Delete("p", "r");

        Assert.Equal(EntityVersion.Any, change.Version);
        Assert.Equal(("p", "r"), (change.Entity.PartitionKey, change.Entity.RowKey));
    }

    [Fact]
    public void An_update_is_guarded_by_the_version_it_names_and_adds_and_upserts_by_none()
    {
        var version = new EntityVersion("W/\"1\"");

        var update = EntityChange.Update(new BareRow("p", "r"), version);
        var add = EntityChange.Add(new BareRow("p", "a"));
        var upsert = EntityChange.Upsert(new BareRow("p", "u"));

        Assert.Equal(version, update.Version);
        Assert.Equal(((EntityVersion?)null, (EntityVersion?)null), (add.Version, upsert.Version));
    }
}
