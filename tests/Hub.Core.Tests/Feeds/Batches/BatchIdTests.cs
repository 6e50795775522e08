using Hub.Core.Feeds.Batches;

namespace Hub.Core.Tests.Feeds.Batches;

public sealed class BatchIdTests
{
    [Theory]
    [InlineData("20250301083000-3fa9c2d1")]
    [InlineData("99991231235959-00000000")]
    public void A_batch_id_of_the_form_the_hub_writes_is_taken_as_it_is(string text)
    {
        Assert.True(BatchId.TryParse(text, out var id));
        Assert.Equal(text, id.Value);
        Assert.Equal(text, id.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("20250301083000-3FA9C2D1")]
    [InlineData("20250301083000-3fa9c2d")]
    [InlineData("20250301083000-3fa9c2d12")]
    [InlineData("20250301083000_3fa9c2d1")]
    [InlineData("2025030108300%2F3fa9c2d1")]
    [InlineData("../../etc/passwd-3fa9c2d")]
    public void Anything_else_is_not_a_batch_id(string? text)
    {
        Assert.False(BatchId.TryParse(text, out var id));
        Assert.Equal(default, id);
    }
}
