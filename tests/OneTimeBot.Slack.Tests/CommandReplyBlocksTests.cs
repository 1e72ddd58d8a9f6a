using OneTimeBot.Core.Commands;
using OneTimeBot.Slack.BlockKit;

namespace OneTimeBot.Slack.Tests;

/// <summary>In a DM, where a typed message cannot open a modal, each form the core asks for is offered as its own way in.</summary>
public sealed class CommandReplyBlocksTests
{
    [Fact]
    public void A_share_form_in_a_dm_is_offered_as_the_share_button()
    {
        var reply = CommandReplyBlocks.Render(new FormReply(BotForm.Share), "/onetime", CommandSurface.Chat).ToJson();

        Assert.StartsWith("Share a secret", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(ActionIds.OpenShareForm, SlackApp.ActionIds(reply));
    }

    [Fact]
    public void A_generate_form_in_a_dm_is_offered_as_the_generate_button_not_the_share_message()
    {
        var reply = CommandReplyBlocks.Render(new FormReply(BotForm.Generate), "/onetime", CommandSurface.Chat).ToJson();

        Assert.StartsWith("Generate a password", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("Share a secret", reply.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal([ActionIds.OpenGenerateForm], SlackApp.ActionIds(reply));
        SlackApp.AssertWithinBlockKitLimits(reply);
    }

    [Fact]
    public void The_settings_form_in_a_dm_is_pointed_at_with_the_configured_command()
    {
        var reply = CommandReplyBlocks.Render(new FormReply(BotForm.Config), "/onetime-dev", CommandSurface.Chat).ToJson();

        Assert.Contains("Settings are changed with /onetime-dev config.", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(SlackApp.ActionIds(reply));
    }

    [Fact]
    public void A_form_slack_has_no_way_to_offer_is_an_error_not_the_share_message()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CommandReplyBlocks.Render(new FormReply((BotForm)99), "/onetime", CommandSurface.Chat));
    }
}
