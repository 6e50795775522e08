using Hub.Core.Identity.Resolution;

namespace Hub.Core.Tests.Identity.Resolution;

public sealed class QueueOrderTests
{
    private static readonly DateTimeOffset Morning = new(2025, 3, 1, 8, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void By_score_the_highest_comes_first_negative_scores_after_positive_and_an_item_without_a_score_last()
    {
        double?[] scores = [-3.5, 12.25, null, 0, 32.35, -0.01, 12.25];

        var ordered = Order(scores.Select((s, i) => Entity($"{i:D2}", Morning, s)), QueueSort.Score);

        Assert.Equal(["04", "01", "06", "03", "05", "00", "02"], ordered);
    }

    [Fact]
    public void By_age_the_oldest_comes_first_whatever_the_offset_and_ties_go_in_record_key_order()
    {
        var entities = new[]
        {
            Entity("c", Morning, 1),
            Entity("b", Morning.ToOffset(TimeSpan.Zero), 2),
            Entity("a", Morning.AddTicks(1), 3),
            Entity("d", Morning.AddDays(-1).ToOffset(TimeSpan.FromHours(-5)), 4),
        };

        Assert.Equal(["d", "b", "c", "a"], Order(entities, QueueSort.Age));
    }

    [Fact]
    public void The_score_the_queue_shows_sorts_and_filters_by_is_rounded_to_two_places()
    {
        var entity = Entity("a", Morning, 32.348975709);

        Assert.Equal(32.35, PossibleMatches.ScoreOf(entity));
        Assert.Equal(QueueOrder.SortKey(Entity("b", Morning, 32.35), QueueSort.Score), QueueOrder.SortKey(entity, QueueSort.Score));
    }

    private static List<string> Order(IEnumerable<QueueEntity> entities, QueueSort sort) =>
        entities.Select(e => QueueOrder.Position(e, sort)).Order(Comparer<QueuePosition>.Create(QueueOrder.Compare)).Select(p => p.RecordKey).ToList();

    private static QueueEntity Entity(string key, DateTimeOffset queuedAt, double? score) => new() { RowKey = key, QueuedAt = queuedAt, Score = score };
}
