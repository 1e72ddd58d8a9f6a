using OneTimeBot.Core.Tracking;

namespace OneTimeBot.Core.Tests.Tracking;

/// <summary>When a link's backend is asked about it: soon after it is made, then hourly, and at its expiry.</summary>
public sealed class PollScheduleTests
{
    private static readonly DateTimeOffset Made = new(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset InADay = Made.AddDays(1);

    [Fact]
    public void A_remote_backend_is_asked_1_5_and_15_minutes_after_the_link_was_made_then_hourly()
    {
        var first = PollSchedule.First(Made, InADay, announcesChanges: false);
        var second = PollSchedule.Next(Made, InADay, first, announcesChanges: false);
        var third = PollSchedule.Next(Made, InADay, second, announcesChanges: false);
        var fourth = PollSchedule.Next(Made, InADay, third, announcesChanges: false);
        var late = PollSchedule.Next(Made, InADay, Made.AddMinutes(15 + 90), announcesChanges: false);

        Assert.Equal([Made.AddMinutes(1), Made.AddMinutes(5), Made.AddMinutes(15), Made.AddMinutes(75)], [first, second, third, fourth]);
        Assert.Equal(Made.AddMinutes(15 + 120), late);
    }

    [Fact]
    public void A_poll_that_ran_late_is_followed_by_the_next_step_still_ahead()
    {
        Assert.Equal(Made.AddMinutes(15), PollSchedule.Next(Made, InADay, Made.AddMinutes(7), announcesChanges: false));
        Assert.Equal(Made.AddMinutes(5), PollSchedule.Next(Made, InADay, Made.AddSeconds(61), announcesChanges: false));
    }

    [Fact]
    public void No_poll_is_set_past_the_links_expiry_and_after_it_the_backend_is_asked_hourly()
    {
        var expires = Made.AddMinutes(3);

        Assert.Equal(expires, PollSchedule.Next(Made, expires, Made.AddMinutes(1), announcesChanges: false));
        Assert.Equal(expires.AddHours(1), PollSchedule.Next(Made, expires, expires, announcesChanges: false));
    }

    [Fact]
    public void A_backend_that_announces_changes_is_asked_only_at_expiry()
    {
        Assert.Equal(InADay, PollSchedule.First(Made, InADay, announcesChanges: true));
        Assert.Equal(InADay, PollSchedule.Next(Made, InADay, Made.AddMinutes(1), announcesChanges: true));
    }
}
