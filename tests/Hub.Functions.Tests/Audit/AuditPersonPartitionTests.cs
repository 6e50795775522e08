using System.Security.Cryptography;
using Hub.Core.Audit;
using Hub.Core.Kernel;

namespace Hub.Functions.Tests.Audit;

public sealed class AuditPersonPartitionTests
{
    [Fact]
    public void A_list_of_fifty_persons_is_indexed_in_at_most_sixteen_partitions_none_of_them_the_cursors()
    {
        var persons = Enumerable.Range(0, 50).Select(_ => PersonKey.Parse(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)))).ToList();

        var partitions = persons.Select(AuditPersonEntity.PartitionOf).Distinct().ToList();

        Assert.InRange(partitions.Count, 1, 16);
        Assert.All(partitions, p => Assert.Matches("^h[0-9a-f]$", p));
        Assert.All(partitions, p => Assert.True(string.CompareOrdinal(p, AuditPersonIndex.CursorPartition) < 0));
    }

    [Fact]
    public void Every_person_key_has_one_partition_and_all_sixteen_are_used()
    {
        var keys = Enumerable.Range(0, 16).Select(d => PersonKey.Parse($"{d:x}{new string('0', 31)}"));

        Assert.Equal(16, keys.Select(AuditPersonEntity.PartitionOf).Distinct().Count());
    }
}
