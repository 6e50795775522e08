using System.Text;
using Hub.Core.Feeds;
using Hub.Core.Feeds.Batches;
using Hub.Functions.Tests.Infrastructure;

namespace Hub.Functions.Tests.Feeds;

/// <summary>
/// ID numbers with a correct check character that still cannot be real: an address code of no GB/T 2260 division,
/// or a birth after the day the feed was received. The batch report and the row report say which and why.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class ImplausibleIdFeedTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string AddressReason = "ID number's address code is not a division of GB/T 2260";
    private const string FutureBirthReason = "ID number has a birth date after the feed's date";

    // Check characters computed by hand from GB 11643's weights: each passes it.
    private const string UnknownDivision = "999999194912310025";
    private const string UnknownDivisionToo = "999999197001010033";
    private const string BornIn2099 = "110105209912310029";
    private const string BornIn2099Too = "110105209906010046";

    private readonly HubFactory _hub = new(azurite);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task A_pushed_feed_reports_both_kinds_with_their_reasons_and_keeps_the_matchable_ones_without_an_id()
    {
        var client = _hub.CreatePublisherClient("disability-federation");

        // Rows 3 and 4 have nothing else to match by and are rejected; rows 5 and 6 have a division and are kept.
        var csv = "身份证号,姓名,残疾类别,残疾等级,居住地区划代码\r\n" +
            $"{TestPeople.Id(700)},陈明,肢体,二级,110105003002\r\n" +
            $"{UnknownDivision},刘洋,视力,一级,\r\n" +
            $"{BornIn2099},王芳,听力,三级,\r\n" +
            $"{UnknownDivisionToo},赵磊,智力,二级,110105003002\r\n" +
            $"{BornIn2099Too},孙丽,言语,四级,110105003002\r\n";

        var report = await client.PushAndWaitAsync("disability-federation", Encoding.UTF8.GetBytes(csv), "text/csv");

        Assert.Equal(BatchStatus.Completed, report.Status);
        Assert.Equal(new BatchCounts { Received = 5, Inserted = 3, Rejected = 2, Unidentified = 2 }, report.Counts);
        Assert.Equal([new Rejection(3, "身份证号", AddressReason), new Rejection(4, "身份证号", FutureBirthReason)], report.FirstRejections);

        var rows = await client.GetStringAsync(new Uri(report.Links.Rejects, UriKind.Relative));
        Assert.Contains($"3,身份证号,{AddressReason},rejected", rows, StringComparison.Ordinal);
        Assert.Contains($"4,身份证号,{FutureBirthReason},rejected", rows, StringComparison.Ordinal);
        Assert.Contains($"5,身份证号,{AddressReason},kept for matching", rows, StringComparison.Ordinal);
        Assert.Contains($"6,身份证号,{FutureBirthReason},kept for matching", rows, StringComparison.Ordinal);
        Assert.All([UnknownDivision, UnknownDivisionToo, BornIn2099, BornIn2099Too, "999999", "2099"], value => Assert.DoesNotContain(value, rows, StringComparison.Ordinal));
    }
}
