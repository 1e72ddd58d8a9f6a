using OneTimeBot.Core.Sharing;

namespace OneTimeBot.Core.Tests.Sharing;

/// <summary>An id (a receipt's, a tracked link's) keeps the old shape (26 lowercase base36 characters) and now sorts by when it was made.</summary>
public sealed class TimeOrderedIdsTests
{
    private static readonly DateTimeOffset Made = new(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_id_has_the_shape_ids_always_had()
    {
        var id = TimeOrderedIds.New(Made);

        Assert.Equal(TimeOrderedIds.Length, id.Length);
        Assert.Matches("^[0-9a-z]{26}$", id);
    }

    [Fact]
    public void An_id_made_later_sorts_after_one_made_earlier_from_a_millisecond_to_a_century_apart()
    {
        DateTimeOffset[] times = [Made, Made.AddMilliseconds(1), Made.AddSeconds(1), Made.AddDays(30), Made.AddYears(100)];

        var ids = times.Select(TimeOrderedIds.New).ToArray();

        Assert.Equal(ids, ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Ids_made_in_the_same_millisecond_still_differ()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => TimeOrderedIds.New(Made)).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(10_000, ids.Count);
    }
}
