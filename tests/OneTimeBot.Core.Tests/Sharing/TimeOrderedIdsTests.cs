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

    [Fact]
    public void Two_ids_made_together_have_the_shape_and_time_of_one_made_alone_and_differ()
    {
        var (first, second) = TimeOrderedIds.NewPair(Made);

        Assert.Matches("^[0-9a-z]{26}$", first);
        Assert.Matches("^[0-9a-z]{26}$", second);
        Assert.Equal(TimeOrderedIds.New(Made)[..TimeOrderedIds.TimeDigits], first[..TimeOrderedIds.TimeDigits]);
        Assert.Equal(first[..TimeOrderedIds.TimeDigits], second[..TimeOrderedIds.TimeDigits]);
        Assert.NotEqual(first[TimeOrderedIds.TimeDigits..], second[TimeOrderedIds.TimeDigits..]);
    }

    [Fact]
    public void Every_character_of_the_random_part_is_as_likely_as_any_other()
    {
        // 204,000 characters: 5,667 of each expected, give or take 75. A byte taken modulo 36 without skipping the
        // top 4 values would give 0-3 about 6,375 each, far outside the bounds.
        var counts = new Dictionary<char, int>();
        for (var i = 0; i < 6_000; i++)
        {
            var (first, second) = TimeOrderedIds.NewPair(Made);
            foreach (var c in first[TimeOrderedIds.TimeDigits..] + second[TimeOrderedIds.TimeDigits..])
            {
                counts[c] = counts.GetValueOrDefault(c) + 1;
            }
        }

        Assert.Equal(36, counts.Count);
        Assert.All(counts.Values, count => Assert.InRange(count, 5_667 - 450, 5_667 + 450));
    }
}
