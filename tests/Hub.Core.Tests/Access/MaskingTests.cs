using Hub.Core.Access;

namespace Hub.Core.Tests.Access;

public sealed class MaskingTests
{
    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("张小三", "张*三")]
    [InlineData("欧阳小明", "欧**明")]
    [InlineData("买买提·艾力", "买****力")]
    [InlineData("李", "*")]
    [InlineData("", "")]
    [InlineData("John Smith", "J********h")]
    [InlineData("Al", "A*")]
    public void Names_keep_their_first_and_last_character(string name, string masked) =>
        Assert.Equal(masked, Masking.Name(name));

    [Fact]
    public void A_character_outside_the_basic_plane_is_masked_as_one_character()
    {
        // 𠮷 (U+20BB7) is two UTF-16 code units; it must neither be split nor counted twice.
        Assert.Equal("𠮷*明", Masking.Name("𠮷小明"));
        Assert.Equal("王*", Masking.Name("王𠮷"));
    }

    [Theory]
    [InlineData("11010519491231002X", "110105********002X")]
    [InlineData("110105491231002", "110105*****1002")]
    [InlineData("12345678901", "123456*8901")]
    [InlineData("1234567890", "**********")]
    [InlineData("12", "**")]
    [InlineData("", "")]
    public void Id_numbers_keep_the_first_six_and_last_four(string id, string masked) =>
        Assert.Equal(masked, Masking.ResidentId(id));

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("01065432198", "010****2198")]
    [InlineData("075512345678", "075****5678")]
    [InlineData("1234567", "*******")]
    [InlineData("", "")]
    public void Phones_keep_three_digits_then_four_stars_then_the_last_four(string phone, string masked) =>
        Assert.Equal(masked, Masking.Phone(phone));

    [Theory]
    [InlineData("北京市朝阳区和平街道安华里社区3号楼2单元501", "北京市朝阳区和平街道安华里社区****")]
    [InlineData("北京市朝阳区和平街道和平里东街15号", "北京市朝阳区和平街道****")]
    [InlineData("河北省保定市某县城关镇东关村5组12号", "河北省保定市某县城关镇东关村****")]
    [InlineData("朝阳区安华西里二区7号楼", "朝阳区安华西****")]
    [InlineData("安华里社区", "安华****")]
    [InlineData("7号楼", "7****")]
    [InlineData("", "")]
    public void Addresses_keep_the_community_or_street_or_a_short_prefix(string address, string masked) =>
        Assert.Equal(masked, Masking.Address(address));

    [Theory]
    [InlineData("1200.50")]
    [InlineData("a")]
    public void Other_values_become_three_stars_whatever_their_length(string value) =>
        Assert.Equal("***", Masking.Full(value));

    [Fact]
    public void An_empty_other_value_stays_empty() => Assert.Equal(string.Empty, Masking.Full(string.Empty));

    [Theory]
    [InlineData(MaskKind.Name, "张小三", "张*三")]
    [InlineData(MaskKind.ResidentId, "11010519491231002X", "110105********002X")]
    [InlineData(MaskKind.Phone, "13812345678", "138****5678")]
    [InlineData(MaskKind.Full, "dibao", "***")]
    public void Apply_uses_the_mask_of_the_kind(MaskKind kind, string value, string masked) =>
        Assert.Equal(masked, Masking.Apply(kind, value));
}
