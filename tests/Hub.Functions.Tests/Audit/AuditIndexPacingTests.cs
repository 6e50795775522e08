using Hub.Core.Audit;

namespace Hub.Functions.Tests.Audit;

public sealed class AuditIndexPacingTests
{
    [Theory]
    [InlineData(0.25, 40, 120)]
    [InlineData(0.5, 40, 40)]
    [InlineData(0.1, 10, 90)]
    public void While_requests_are_answered_each_transaction_is_followed_by_the_rest_of_the_share(double share, int tookMs, int pauseMs)
    {
        var pacing = new AuditIndexPacing(share, () => true);

        Assert.Equal(TimeSpan.FromMilliseconds(pauseMs), pacing.PauseAfter(TimeSpan.FromMilliseconds(tookMs)));
    }

    [Fact]
    public void When_no_events_wait_the_index_writes_at_full_speed()
    {
        var pacing = new AuditIndexPacing(0.25, () => false);

        Assert.Equal(TimeSpan.Zero, pacing.PauseAfter(TimeSpan.FromMilliseconds(40)));
    }

    [Fact]
    public void A_share_of_one_never_pauses()
    {
        var pacing = new AuditIndexPacing(1, () => true);

        Assert.Equal(TimeSpan.Zero, pacing.PauseAfter(TimeSpan.FromMilliseconds(40)));
    }

    [Fact]
    public void The_busy_signal_is_asked_after_every_transaction()
    {
        var busy = true;
        var pacing = new AuditIndexPacing(0.25, () => busy);

        var whileBusy = pacing.PauseAfter(TimeSpan.FromMilliseconds(20));
        busy = false;
        var afterwards = pacing.PauseAfter(TimeSpan.FromMilliseconds(20));

        Assert.Equal(TimeSpan.FromMilliseconds(60), whileBusy);
        Assert.Equal(TimeSpan.Zero, afterwards);
    }

    [Fact]
    public void Transactions_are_small_while_requests_are_answered_and_full_once_they_stop()
    {
        var busy = true;
        var pacing = new AuditIndexPacing(0.25, () => busy);
        var first = pacing.TransactionRows;

        pacing.PauseAfter(TimeSpan.FromMilliseconds(20));
        var whileBusy = pacing.TransactionRows;
        busy = false;
        pacing.PauseAfter(TimeSpan.FromMilliseconds(20));
        var afterwards = pacing.TransactionRows;

        Assert.Equal(AuditIndexPacing.IdleTransactionRows, first);
        Assert.Equal(AuditIndexPacing.BusyTransactionRows, whileBusy);
        Assert.Equal(AuditIndexPacing.IdleTransactionRows, afterwards);
    }
}
