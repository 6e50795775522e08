using Hub.Core.Identity;

namespace Hub.Core.Tests.Identity;

public sealed class ResidentIdTests
{
    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("440524188001010014")]
    public void Published_examples_of_the_standard_are_valid(string text)
    {
        Assert.True(ResidentId.TryParse(text, out var id, out var reason), reason);
        Assert.Equal(text, id.Value.Value);
    }

    [Fact]
    public void Spreadsheet_scientific_notation_is_rejected_with_that_reason()
    {
        Assert.False(ResidentId.TryParse("1.10105E+17", out _, out var reason));
        Assert.Contains("spreadsheet", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_never_reveals_the_number()
    {
        var id = ResidentId.Parse("11010519491231002X");
        Assert.DoesNotContain("110105", id.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("110105", $"{id}", StringComparison.Ordinal);
    }
}
