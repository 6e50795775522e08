using System.Text;
using Hub.Core.Feeds.Reading;

namespace Hub.Core.Tests.Feeds.Reading;

public sealed class CharsetEncodingTests
{
    private const string Header = "身份证号码,姓名,现住址\r\n";

    [Theory]
    [InlineData("utf-8")]
    [InlineData("UTF-8")]
    [InlineData("utf8")]
    public void Utf8_names_resolve_to_utf8(string charset)
    {
        var encoding = CharsetEncoding.Resolve(charset);

        Assert.Equal(Encoding.UTF8.CodePage, encoding?.CodePage);
    }

    [Theory]
    [InlineData("gb18030")]
    [InlineData("GBK")]
    [InlineData("gb2312")]
    [InlineData("cp936")]
    public void Gbk_family_names_resolve_to_gb18030(string charset)
    {
        var encoding = CharsetEncoding.Resolve(charset);

        Assert.Same(CharsetEncoding.Gb18030, encoding);
        Assert.Equal(54936, encoding?.CodePage);
    }

    [Theory]
    [InlineData("latin1")]
    [InlineData("iso-8859-1")]
    [InlineData("big5")]
    [InlineData("utf-16")]
    public void Other_charsets_are_not_read(string charset)
    {
        var encoding = CharsetEncoding.Resolve(charset);

        Assert.Null(encoding);
    }

    [Fact]
    public void Declared_charset_wins_over_the_bytes()
    {
        var head = Encoding.UTF8.GetBytes(Header);

        var encoding = CharsetEncoding.Detect(head, "gb18030", "auto");

        Assert.Same(CharsetEncoding.Gb18030, encoding);
    }

    [Fact]
    public void Bom_wins_over_the_configured_encoding()
    {
        var head = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Header)).ToArray();

        var encoding = CharsetEncoding.Detect(head, null, "gb18030");

        Assert.Equal(Encoding.UTF8.CodePage, encoding.CodePage);
    }

    [Fact]
    public void Configured_encoding_wins_over_sniffing()
    {
        var head = Encoding.UTF8.GetBytes(Header);

        var encoding = CharsetEncoding.Detect(head, null, "gb18030");

        Assert.Same(CharsetEncoding.Gb18030, encoding);
    }

    [Fact]
    public void Auto_takes_utf8_for_utf8_bytes_and_gb18030_otherwise()
    {
        var utf8 = CharsetEncoding.Detect(Encoding.UTF8.GetBytes(Header), null, "auto");
        var gb = CharsetEncoding.Detect(CharsetEncoding.Gb18030.GetBytes(Header), null, "auto");

        Assert.Equal(Encoding.UTF8.CodePage, utf8.CodePage);
        Assert.Same(CharsetEncoding.Gb18030, gb);
    }

    [Theory]
    [InlineData("张", 1)]
    [InlineData("张", 2)]
    [InlineData("𠀀", 1)]
    [InlineData("𠀀", 3)]
    public void Auto_keeps_utf8_when_the_sample_ends_inside_a_character(string last, int cut)
    {
        // 张 is three bytes in UTF-8 and 𠀀 four; a sample cut inside either is still UTF-8.
        var bytes = Encoding.UTF8.GetBytes(Header + last);
        var head = bytes.AsSpan(0, bytes.Length - cut);

        var encoding = CharsetEncoding.Detect(head, null, "auto");

        Assert.Equal(Encoding.UTF8.CodePage, encoding.CodePage);
    }

    [Fact]
    public void Auto_takes_gb18030_when_the_only_chinese_character_is_at_the_end()
    {
        // 男 is C4 D0 in GB18030: not an unfinished UTF-8 character but an invalid one, so it must not be trimmed away.
        var head = CharsetEncoding.Gb18030.GetBytes("residentId,sex\r\n11010519491231002X,男");

        var encoding = CharsetEncoding.Detect(head, null, "auto");

        Assert.Same(CharsetEncoding.Gb18030, encoding);
    }
}
