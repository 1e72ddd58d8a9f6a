using System.Text.Json.Nodes;
using OneTimeBot.Core.Commands;
using OneTimeBot.Core.Localization;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Tracking;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Home;
using OneTimeBot.Slack.Views;
using OneTimeBot.Testing.Slack;
using OneTimeBot.Slack.Localization;

namespace OneTimeBot.Slack.Tests;

/// <summary>A full list of recent links, at its longest, is a message and a home tab Slack accepts, and says what became of each.</summary>
public sealed class RecentLinksBlocksTests
{
    private static readonly DateTimeOffset Made = new(2031, 5, 6, 10, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("en")]
    [InlineData("sv")]
    public void Twenty_links_in_every_state_with_a_problem_above_fit_a_message_and_a_home_tab(string language)
    {
        using var speaking = LanguageScope.Use(Languages.From(language));
        var list = FullList();
        var problem = new Notice(new string('m', 3000), new string('h', 3000));

        var message = RecentLinksBlocks.Message(list).ToJson();
        var home = HomeView.Build(list, new ViewMetadata(Channel: "D0ALICE"), problem);

        Assert.Empty(PublishedBlockKitLimits.Violations(message));
        Assert.Empty(PublishedBlockKitLimits.HomeViewViolations(home));
        Assert.Equal("ephemeral", message["response_type"]!.GetValue<string>());
        Assert.Equal(TrackedShare.RecentPerOwner, Burns(home).Count + list.Links.Count(l => !l.IsLive));
    }

    [Fact]
    public void Each_link_says_what_it_was_for_whom_and_what_became_of_it_and_only_a_waiting_one_can_be_burned()
    {
        var home = HomeView.Build(FullList(), new ViewMetadata(Channel: "D0ALICE"));
        var sections = home["blocks"]!.AsArray().OfType<JsonObject>().Where(b => b["type"]!.GetValue<string>() == "section").Select(b => b["text"]!["text"]!.GetValue<string>()).ToList();
        var burns = Burns(home);

        Assert.Contains(sections, s => s.StartsWith("*🔒 Secret for <@U0BOB0>*\n⏳ Not opened yet · expires <!date^", StringComparison.Ordinal) && s.EndsWith("· passphrase needed", StringComparison.Ordinal));
        Assert.Contains(sections, s => s.StartsWith("*🔑 Generated password for <@U0BOB1>*\n👀 Opened <!date^", StringComparison.Ordinal));
        Assert.Contains(sections, s => s.StartsWith("*🔒 Secret for <@U0BOB2>*\n🔥 Burned <!date^", StringComparison.Ordinal));
        Assert.Contains(sections, s => s.StartsWith("*🔑 Generated password*\n⌛ Expired unopened <!date^", StringComparison.Ordinal));
        Assert.All(burns, b => Assert.Equal(ActionIds.HomeBurn, b["action_id"]!.GetValue<string>()));
        Assert.Equal(FullList().Links.Where(l => l.IsLive).Select(l => l.Id), burns.Select(b => b["value"]!.GetValue<string>()));
        // A link with a passphrase opens the modal that asks for it, which is the confirmation; the others ask first.
        Assert.All(burns, b => Assert.Equal(b["value"]!.GetValue<string>().EndsWith('p'), b["confirm"] is null));
    }

    [Fact]
    public void An_empty_list_says_where_links_will_show_up()
    {
        var reply = RecentLinksBlocks.Message(new RecentLinkList([], Notified: false));

        Assert.Equal("Your recent links: none yet.", reply.Text);
        Assert.Contains(RecentLinksText.Empty, reply.ToJson().ToJsonString(SlackReply.WireOptions), StringComparison.Ordinal);
        Assert.Contains("notify on", reply.ToJson().ToJsonString(SlackReply.WireOptions), StringComparison.Ordinal);
    }

    private static RecentLinkList FullList() => new([.. Enumerable.Range(0, TrackedShare.RecentPerOwner).Select(i =>
    {
        var status = (SecretStatus)(i % 4);
        var passphrase = i % 3 == 0;
        return new RecentLink(
            $"t{i:D24}{(passphrase ? "p" : "n")}",
            status,
            status == SecretStatus.New ? null : Made.AddHours(i),
            i % 4 == 3 ? null : new Person($"U0BOB{i}", new string('B', 200)),
            Made,
            Made.AddDays(30),
            TimeSpan.FromDays(30),
            passphrase,
            Generated: i % 2 == 1,
            "secrets.example.com");
    })], Notified: true);

    private static List<JsonObject> Burns(JsonObject view) =>
        [.. view["blocks"]!.AsArray().OfType<JsonObject>().Select(b => b["accessory"]).OfType<JsonObject>()];
}
