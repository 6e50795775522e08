using System.Diagnostics.CodeAnalysis;
using Hub.Core.Kernel;

namespace Hub.Core.Tests.Kernel;

public sealed class SourceIdTests
{
    [Fact]
    public void A_source_id_parses_alike_by_its_own_method_and_as_a_parsable_value()
    {
        Assert.True(SourceId.TryParse("civil-affairs", out var own));
        Assert.True(ParseAsParsable<SourceId>("civil-affairs", out var parsable));
        Assert.Equal(own, parsable);
        Assert.Equal(SourceId.Parse("police"), ParseAsParsable<SourceId>("police"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("x")]
    [InlineData("Civil-Affairs")]
    [InlineData("1police")]
    [InlineData("civil_affairs")]
    public void What_is_not_a_source_id_is_refused_alike_by_both(string? text)
    {
        Assert.False(SourceId.TryParse(text, out _));
        Assert.False(ParseAsParsable<SourceId>(text, out var parsed));
        Assert.Equal(default, parsed);
    }

    private static bool ParseAsParsable<T>(string? text, [MaybeNullWhen(false)] out T value) where T : IParsable<T> => T.TryParse(text, null, out value);

    private static T ParseAsParsable<T>(string text) where T : IParsable<T> => T.Parse(text, null);
}
