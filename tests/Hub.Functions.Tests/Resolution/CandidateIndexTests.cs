using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Hub.Core.Access.Residents;
using Hub.Core.Identity.Matching;
using Hub.Core.Identity.Resolution;
using Hub.Core.Kernel;
using Hub.Functions.Tests.Infrastructure;
using Hub.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using static Hub.Functions.Tests.Resolution.ResolutionFeeds;

namespace Hub.Functions.Tests.Resolution;

[Collection(AzuriteFixture.Collection)]
public sealed class CandidateIndexTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string OtherDistrict = "110108002003";

    private static readonly string Chen = Id("11010519800512031");

    private readonly ResolutionHub _hub = new(azurite);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task A_record_from_another_district_reaches_the_steward_with_the_person_it_could_be()
    {
        await _hub.PushAsync("police", Police(new PoliceRow(Chen, "陈明", "男")));

        await _hub.PushAsync("civil-affairs", CivilAffairsIn(OtherDistrict, "陈明", "男", "1980-05-12"));

        var item = Assert.Single(await _hub.QueueAsync())!;
        Assert.Equal(await _hub.UnidentifiedKeyAsync("civil-affairs"), (string?)item["recordKey"]);
        Assert.Equal([_hub.KeyOf(Chen)], item["candidates"]!.AsArray().Select(c => (string?)c!["profile"]!["personKey"]));
    }

    [Theory]
    [InlineData("陈鸣", "110105007001")]
    [InlineData("明陈", "110105003002")]
    public async Task A_homophone_or_the_given_name_first_without_a_birth_date_finds_the_person_in_another_street_of_the_county(string name, string community)
    {
        await _hub.PushAsync("police", Police(new PoliceRow(Chen, "陈明", "男")));
        var index = _hub.Factory.Services.GetRequiredService<ResidentIndex>();

        var found = await index.FindCandidatesAsync(new MatchRecord { Name = name, ResidenceDivision = DivisionCode.Parse(community) });

        Assert.Equal([_hub.KeyOf(Chen)], found.Select(c => c.Person.Value).Distinct());
    }

    [Fact]
    public async Task A_name_with_a_character_added_and_no_birth_date_finds_the_person_in_the_community()
    {
        await _hub.PushAsync("police", Police(new PoliceRow(Chen, "陈明", "男")));
        var index = _hub.Factory.Services.GetRequiredService<ResidentIndex>();

        var found = await index.FindCandidatesAsync(new MatchRecord { Name = "陈小明", ResidenceDivision = DivisionCode.Parse(Community) });

        Assert.Equal([_hub.KeyOf(Chen)], found.Select(c => c.Person.Value).Distinct());
    }

    [Fact]
    public async Task A_record_without_a_division_or_a_birth_date_finds_the_person_at_the_shortened_address()
    {
        var register = $"公民身份号码,姓名,性别,户号,与户主关系,户籍地区划代码,居住登记类型,居住地区划代码,人员状态,居住地址\r\n{Chen},陈明,男,7,户主,{Community},户籍,{Community},正常,北京市朝阳区呼家楼街道幸福里社区金台路7号院3号楼\r\n";
        await _hub.PushAsync("police", Encoding.UTF8.GetBytes(register));
        var index = _hub.Factory.Services.GetRequiredService<ResidentIndex>();

        var found = await index.FindCandidatesAsync(new MatchRecord { Name = "陈明", ResidenceAddress = "幸福里金台路7号3号楼" });

        Assert.Equal([_hub.KeyOf(Chen)], found.Select(c => c.Person.Value).Distinct());
    }

    [Fact]
    public async Task Every_key_row_names_the_persons_filed_under_it_and_a_linked_record_leaves_them()
    {
        await _hub.PushAsync("civil-affairs", CivilAffairs(string.Empty, "陈明", "男", "1980-05-12"));
        var record = await _hub.UnidentifiedKeyAsync("civil-affairs");
        Assert.Equal([record], await FiledPersonsAsync());

        await _hub.PushAsync("police", Police(new PoliceRow(Chen, "陈明", "男")));

        Assert.Equal(_hub.KeyOf(Chen), (string?)(await _hub.ProfileAsync(record))["personKey"]);
        Assert.Equal([_hub.KeyOf(Chen)], await FiledPersonsAsync());
    }

    [Fact]
    public async Task A_feed_sent_again_rewrites_no_key_row()
    {
        await _hub.PushAsync("police", Police(new PoliceRow(Chen, "陈明", "男")));
        var before = await KeyRowsAsync();

        await _hub.PushAsync("police", Police(new PoliceRow(Chen, "陈明", "男"), new PoliceRow(Id("11010519900101012"), "王芳", "女", Household: "8")));

        var after = await KeyRowsAsync();
        Assert.All(before, row => Assert.Equal(row.ETag, after.Single(r => r.RowKey == row.RowKey).ETag));
        Assert.True(after.Count > before.Count);
    }

    [Fact]
    public async Task Reconciliation_files_a_lost_entry_again_and_removes_one_nobody_has()
    {
        await _hub.PushAsync("police", Police(new PoliceRow(Chen, "陈明", "男")));
        var storage = _hub.Factory.Storage;
        var rows = await KeyRowsAsync();
        var lost = rows[0];
        await storage.CandidateTableOf(lost.PartitionKey).DeleteEntityAsync(lost.PartitionKey, lost.RowKey);
        const string stray = "0123456789abcdef0123456789abcdef";
        var strayRow = new TableEntity(rows[^1].PartitionKey, CandidateSearch.Row(CandidateSearch.TokenOf(rows[^1].RowKey), stray)) { [CandidateSearch.Column(stray)] = "[]" };
        await storage.CandidateTableOf(strayRow.PartitionKey).UpsertEntityAsync(strayRow, TableUpdateMode.Merge);

        await Task.Delay(TimeSpan.FromSeconds(1.1));
        var result = await _hub.Factory.Services.GetRequiredService<ResidentReconciler>().RunAsync();

        Assert.Equal((1, 1), (result.RowsDeleted, result.PersonsRebuilt));
        Assert.Equal(rows.Select(r => r.RowKey), (await KeyRowsAsync()).Select(r => r.RowKey));
        Assert.Equal([_hub.KeyOf(Chen)], await FiledPersonsAsync());
    }

    [Fact]
    public async Task Three_hundred_persons_born_on_one_day_fill_no_row_past_the_columns_a_row_holds_and_are_all_found()
    {
        var (index, token) = await IndexAsync("b|19800512");
        var persons = Persons(300);

        await index.ApplyAsync(persons.Select(p => CandidateIndex.Entry(token, p, "[]")), [], concurrency: 4);

        var rows = await KeyRowsAsync();
        Assert.Equal(CandidateSearch.Rows(token), rows.Select(r => r.RowKey));
        Assert.All(rows, row => Assert.InRange(Properties(row), 1, 252));
        Assert.Equal(300, rows.Sum(Properties));
        Assert.Equal(persons, (await index.FindAsync(token)).Select(p => p.Person).Order(StringComparer.Ordinal));
        var lookups = new CandidateLookups(index);
        await lookups.ReadAsync([token], concurrency: 4, CancellationToken.None);
        Assert.Equal(persons, (await lookups.FindAsync(token, CancellationToken.None)).Select(p => p.Person).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_person_who_leaves_a_birth_date_takes_out_their_column_alone()
    {
        var (index, token) = await IndexAsync("b|19800512");
        var persons = Persons(300);
        await index.ApplyAsync(persons.Select(p => CandidateIndex.Entry(token, p, "[]")), [], concurrency: 4);
        var before = await KeyRowsAsync();
        var leaving = persons[17];
        var row = CandidateSearch.Row(token, leaving);

        await index.ApplyAsync([], [(CandidateSearch.Partition(token), CandidateSearch.EntryKey(token, leaving))], concurrency: 4);

        var after = await KeyRowsAsync();
        Assert.Equal(before.Select(r => r.RowKey), after.Select(r => r.RowKey));
        Assert.Equal(Columns(before.Single(r => r.RowKey == row)).Where(c => c != CandidateSearch.Column(leaving)), Columns(after.Single(r => r.RowKey == row)));
        Assert.All(before.Where(r => r.RowKey != row), r => Assert.Equal(r.ETag, after.Single(a => a.RowKey == r.RowKey).ETag));
        Assert.Equal(persons.Where(p => p != leaving), (await index.FindAsync(token)).Select(p => p.Person).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_name_sound_in_a_county_is_spread_over_four_rows_a_phone_over_sixteen_and_a_dwelling_keeps_one_row_keyed_by_its_hash()
    {
        var (index, sound) = await IndexAsync("pc|chen ming|110105");
        var builder = _hub.Factory.Services.GetRequiredService<ResidentRowBuilder>();
        var phone = builder.Token("t|13812345678");
        var dwelling = builder.Token("pa|chen ming|北路57号3号楼");
        var persons = Persons(40);

        await index.ApplyAsync(persons.SelectMany(p => new[] { CandidateIndex.Entry(sound, p, "[]"), CandidateIndex.Entry(phone, p, "[]"), CandidateIndex.Entry(dwelling, p, "[]") }), [], concurrency: 4);

        Assert.Equal(builder.Hash("pc|chen ming|110105") + "~4", sound);
        Assert.Equal(builder.Hash("t|13812345678") + "~16", phone);
        Assert.Equal(builder.Hash("pa|chen ming|北路57号3号楼"), dwelling);
        var rows = await KeyRowsAsync();
        Assert.Equal(CandidateSearch.Rows(sound).Concat(CandidateSearch.Rows(phone)).Append(dwelling).Order(StringComparer.Ordinal), rows.Select(r => r.RowKey).Order(StringComparer.Ordinal));
        Assert.Equal(40, Properties(rows.Single(r => r.RowKey == dwelling)));
        Assert.Equal(40, rows.Where(r => r.RowKey.StartsWith(phone, StringComparison.Ordinal)).Sum(Properties));
        Assert.All(rows.Where(r => r.RowKey.StartsWith(sound, StringComparison.Ordinal)), r => Assert.Equal(CandidateSearch.Partition(sound), r.PartitionKey));
        Assert.Equal(persons, (await index.FindAsync(sound)).Select(p => p.Person).Order(StringComparer.Ordinal));
        Assert.Equal(persons, (await index.FindAsync(phone)).Select(p => p.Person).Order(StringComparer.Ordinal));
        Assert.Equal(persons, (await index.FindAsync(dwelling)).Select(p => p.Person).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef", "03", "03")]
    [InlineData("fedcba9876543210fedcba9876543210", "08", "00")]
    [InlineData("00000000000000000000000000000000", "10", "02")]
    public void A_person_goes_to_the_same_row_of_a_key_in_every_process(string person, string ofSixteen, string ofFour)
    {
        Assert.Equal($"89abcdef01234567~16.{ofSixteen}", CandidateSearch.Row("89abcdef01234567~16", person));
        Assert.Equal($"89abcdef01234567~4.{ofFour}", CandidateSearch.Row("89abcdef01234567~4", person));
        Assert.Equal("89abcdef01234567", CandidateSearch.Row("89abcdef01234567", person));
    }

    // Person keys of the form the Hub writes (32 lower-case hex characters), in key order.
    private static List<string> Persons(int count) =>
        [.. Enumerable.Range(0, count).Select(i => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"person {i}")))[..32]).Order(StringComparer.Ordinal)];

    // A row's properties besides its keys and time, which is what Azure allows 252 of.
    private static int Properties(TableEntity row) =>
        row.Keys.Count(k => k is not ("PartitionKey" or "RowKey" or "Timestamp") && !k.StartsWith("odata.", StringComparison.Ordinal));

    private static IEnumerable<string> Columns(TableEntity row) =>
        row.Keys.Where(k => k.StartsWith(CandidateSearch.ColumnPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    private async Task<(CandidateIndex Index, string Token)> IndexAsync(string blockingKey)
    {
        await _hub.Factory.Storage.EnsureCreatedAsync();
        var services = _hub.Factory.Services;
        return (services.GetRequiredService<CandidateIndex>(), services.GetRequiredService<ResidentRowBuilder>().Token(blockingKey));
    }

    private static byte[] CivilAffairsIn(string community, string name, string sex, string birthDate) =>
        Encoding.UTF8.GetBytes(
            "身份证号码,姓名,性别,出生日期,救助类型,救助金额(元),享受起始日期,居住地区划代码,网格,联系电话\r\n" +
            $",{name},{sex},{birthDate},城市低保,1250,2024/3/1,{community},G07,\r\n");

    private async Task<List<TableEntity>> KeyRowsAsync() =>
        (await _hub.Factory.Storage.QueryCandidatesAsync().ToListAsync()).OrderBy(r => r.RowKey, StringComparer.Ordinal).ToList();

    private async Task<IReadOnlyList<string>> FiledPersonsAsync() =>
        (await KeyRowsAsync())
            .SelectMany(r => r.Keys.Where(k => k.StartsWith(CandidateSearch.ColumnPrefix, StringComparison.Ordinal) && r[k] is string))
            .Select(CandidateSearch.PersonOf)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
}
