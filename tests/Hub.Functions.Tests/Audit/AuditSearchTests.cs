using System.Text;
using Hub.Core.Audit;
using Hub.Functions.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Functions.Tests.Audit;

[Collection(AzuriteFixture.Collection)]
public sealed class AuditSearchTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);
    private AuditTestStorage _audit = null!;

    private AuditSearch Search => new(_audit.Storage);

    public async Task InitializeAsync()
    {
        _audit = await AuditTestStorage.CreateAsync(azurite);
        await using var log = _audit.CreateLog(_time);
        for (var n = 1; n <= 10; n++)
        {
            _time.Advance(TimeSpan.FromHours(1));
            await log.AppendAsync(AuditTestStorage.Read(n, AuditTestStorage.Person(n % 3), user: n % 2 == 0 ? "user-even" : "user-odd"));
        }

        await log.AppendAsync(AuditTestStorage.Read(11, AuditTestStorage.Person(1), outcome: AuditOutcome.Denied) with { Actor = new AuditActor("user-far", Division: "440305001001") });
        await log.AppendAsync(AuditTestStorage.Read(12, AuditTestStorage.Person(7), breakGlass: "ambulance at the door"));
    }

    public async Task DisposeAsync() => await _audit.DisposeAsync();

    [Fact]
    public async Task Who_looked_at_a_person_is_answered_from_the_person_index()
    {
        var page = await Search.SearchAsync(Query() with { PersonKey = AuditTestStorage.Person(1) });

        Assert.Equal([1L, 4, 7, 10, 11], page.Events.Select(e => e.Sequence));
        Assert.All(page.Events, e => Assert.Contains(AuditTestStorage.Person(1), e.Event.PersonKeys));
    }

    [Fact]
    public async Task Filters_combine_user_outcome_break_glass_division_and_time()
    {
        var byUser = await Search.SearchAsync(Query() with { UserId = "user-even" });
        var denied = await Search.SearchAsync(Query() with { Outcome = AuditOutcome.Denied });
        var breakGlass = await Search.SearchAsync(Query() with { BreakGlass = true });
        var district = await Search.SearchAsync(Query() with { DivisionPrefix = "440305" });
        var early = await Search.SearchAsync(Query() with { To = Start.AddHours(3.5) });
        var personAndUser = await Search.SearchAsync(Query() with { PersonKey = AuditTestStorage.Person(1), UserId = "user-even" });

        Assert.Equal([2L, 4, 6, 8, 10], byUser.Events.Select(e => e.Sequence));
        Assert.Equal(11, Assert.Single(denied.Events).Sequence);
        Assert.Equal("ambulance at the door", Assert.Single(breakGlass.Events).Event.BreakGlassReason);
        Assert.Equal(11, Assert.Single(district.Events).Sequence);
        Assert.Equal([1L, 2, 3], early.Events.Select(e => e.Sequence));
        Assert.Equal([4L, 10], personAndUser.Events.Select(e => e.Sequence));
    }

    [Fact]
    public async Task A_search_text_cannot_change_the_query()
    {
        var page = await Search.SearchAsync(Query() with { UserId = "x' or UserId ne 'x" });

        Assert.Empty(page.Events);
    }

    [Fact]
    public async Task Pages_follow_continuation_tokens_to_every_event_in_order()
    {
        var sequences = new List<long>();
        string? continuation = null;
        do
        {
            var page = await Search.SearchAsync(Query(), continuation, pageSize: 5);
            sequences.AddRange(page.Events.Select(e => e.Sequence));
            continuation = page.ContinuationToken;
        }
        while (continuation is not null);

        Assert.Equal(Enumerable.Range(1, 12).Select(n => (long)n), sequences);
    }

    [Fact]
    public async Task The_csv_export_is_safe_to_open_in_a_spreadsheet()
    {
        using var stream = new MemoryStream();

        await AuditCsv.WriteAsync(Search.SearchAllAsync(Query() with { BreakGlass = true }), stream);

        var text = Encoding.UTF8.GetString(stream.ToArray());
        Assert.StartsWith("\uFEFFsequence,time,userId", text, StringComparison.Ordinal);
        Assert.Contains(",'-", Encoding.UTF8.GetString(await CsvOfAsync(AuditTestStorage.Read(13) with { Resource = "-1+1" })), StringComparison.Ordinal);
        Assert.Contains("name=masked residentId=masked assistanceType=shown", text, StringComparison.Ordinal);
    }

    private static async Task<byte[]> CsvOfAsync(AuditEvent auditEvent)
    {
        using var stream = new MemoryStream();
        await AuditCsv.WriteAsync(new[] { new AuditRecord(1, Start, auditEvent, AuditCanonicalForm.GenesisHash, AuditCanonicalForm.GenesisHash) }.ToAsyncEnumerable(), stream);
        return stream.ToArray();
    }

    private static AuditQuery Query() => new() { From = Start, To = Start.AddDays(1) };
}
