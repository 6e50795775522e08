using System.Text.Json;
using Hub.Core.Audit;

namespace Hub.Core.Tests.Audit;

public sealed class AuditCheckpointTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public void A_checkpoint_written_before_tree_heads_still_reads_and_states_none()
    {
        // As the writer stored checkpoints before they carried a tree head.
        const string Legacy = """
            {
              "partition": "d20250301",
              "firstSequence": 5,
              "lastSequence": 8,
              "count": 4,
              "rootHash": "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
              "previousHash": "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
              "chainHash": "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
              "firstTime": "2025-03-01T08:00:05+00:00",
              "lastTime": "2025-03-01T08:00:08+00:00",
              "writtenAt": "2025-03-01T08:15:00+00:00",
              "blobName": "d20250301/0000000000000000005-0000000000000000008.json"
            }
            """;

        var checkpoint = JsonSerializer.Deserialize<AuditCheckpoint>(Legacy, Json)!;

        Assert.Equal((5L, 8L, 4L), (checkpoint.FirstSequence, checkpoint.LastSequence, checkpoint.Count));
        Assert.Equal("d20250301/0000000000000000005-0000000000000000008.json", checkpoint.BlobName);
        Assert.Null(checkpoint.TreeSize);
        Assert.Null(checkpoint.TreeRoot);
        Assert.Null(checkpoint.TreeFirstSequence);
    }

    [Fact]
    public void A_checkpoint_with_a_tree_head_round_trips_and_names_the_days_first_event()
    {
        var checkpoint = new AuditCheckpoint(
            "d20250301", 9, 12, 4, "aa", "bb", "cc", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 12, "dd", ["ee"]);

        var read = JsonSerializer.Deserialize<AuditCheckpoint>(JsonSerializer.Serialize(checkpoint, Json), Json)!;

        Assert.Equal((12L, "dd", 1L), (read.TreeSize, read.TreeRoot, read.TreeFirstSequence));
        Assert.Equal(["ee"], read.TreeFrontier);
    }

    [Theory]
    [InlineData("d20250301/0000000000000000005-0000000000000000008.json", true)]
    [InlineData("d20250301/0000000000000000005-0000000000000000008.txt", false)]
    [InlineData("d20250231/0000000000000000005-0000000000000000008.json", false)]
    [InlineData("d20250301/0000000000000000008-0000000000000000005.json", false)]
    [InlineData("d20250301/0000000000000000000-0000000000000000005.json", false)]
    [InlineData("d20250301/000000000000000000x-0000000000000000008.json", false)]
    [InlineData("../20250301/0000000000000000005-0000000000000000008.json", false)]
    [InlineData("", false)]
    public void Only_a_checkpoints_own_blob_name_is_read_as_one(string name, bool valid)
    {
        var parsed = AuditCheckpoint.TryParseName(name, out var partition, out var first, out var last);

        Assert.Equal(valid, parsed);
        Assert.Equal(valid ? "d20250301" : string.Empty, partition);
        if (valid)
        {
            Assert.Equal((5L, 8L), (first, last));
        }
    }

    [Fact]
    public void An_events_leaf_hash_is_the_rfc_leaf_hash_of_its_canonical_form()
    {
        var time = new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);
        var auditEvent = new AuditEvent { Actor = new AuditActor("user-1"), Action = AuditAction.PersonRead, Outcome = AuditOutcome.Allowed };
        var canonical = AuditCanonicalForm.Serialise(7, time, auditEvent);

        var leaf = AuditCheckpoint.LeafHash(7, time, auditEvent);

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData([0, .. canonical])), leaf);
        Assert.NotEqual(leaf, AuditCheckpoint.LeafHash(8, time, auditEvent));
    }
}
