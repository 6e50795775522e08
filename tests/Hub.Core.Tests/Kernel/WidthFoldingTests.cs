using Hub.Core.Kernel;

namespace Hub.Core.Tests.Kernel;

public sealed class WidthFoldingTests
{
    [Theory]
    [InlineData("１１０１０５", "110105")]
    [InlineData("Ｇ０３", "G03")]
    [InlineData("G\uFFFE03", "G03")]
    [InlineData("\uFDD0王\uFFFF芳", "王芳")]
    public void Folds_full_width_forms_and_leaves_noncharacters_out(string text, string folded) =>
        Assert.Equal(folded, WidthFolding.Fold(text));

    [Fact]
    public void Codes_with_noncharacters_are_read_or_refused_never_thrown_on()
    {
        Assert.False(GridCode.TryParse("\uFFFD\uFFFE", out _));
        Assert.Equal("G03", GridCode.Parse("G0\uFFFE3").Value);
        Assert.False(DivisionCode.TryParse("\uFFFE", out _, out _));
        Assert.False(ResidentId.TryParse("\uFFFE1101", out _, out _));
    }
}
