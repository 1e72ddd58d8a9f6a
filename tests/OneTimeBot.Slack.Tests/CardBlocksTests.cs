using System.Text.Json.Nodes;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Testing.Slack;

namespace OneTimeBot.Slack.Tests;

public sealed class CardBlocksTests
{
    private static readonly DateTimeOffset Expires = GoldenReplies.Expires;

    private static readonly SecretCard Live = GoldenReplies.Live;

    [Fact]
    public void A_live_card_shows_the_link_local_expiry_ttl_passphrase_recipient_and_service_privately()
    {
        var json = CardBlocks.Render(Live).ToJson();
        var text = CardBlocks.Render(Live).ToJsonString();

        Assert.Equal("ephemeral", json["response_type"]!.GetValue<string>());
        Assert.Contains(Live.Link!.ToString(), text, StringComparison.Ordinal);
        Assert.Contains("<!date^1795000000^{date_short_pretty} at {time}|2026-11-18 11:06 UTC>", text, StringComparison.Ordinal);
        Assert.Contains("(in 1 week)", text, StringComparison.Ordinal);
        Assert.Contains("Required: tell it to the recipient another way", text, StringComparison.Ordinal);
        Assert.Contains("jo∗∗∗∗∗n@e∗∗∗∗∗.com", text, StringComparison.Ordinal); // asterisks would be mrkdwn bold
        Assert.Contains("eu.onetimesecret.com", text, StringComparison.Ordinal);
        Assert.Contains("don't open it yourself", text, StringComparison.Ordinal);
        Assert.Equal($"One-time link: {Live.Link} (expires in 1 week)", json["text"]!.GetValue<string>());
        Assert.Empty(PublishedBlockKitLimits.Violations(json));
    }

    [Fact]
    public void Check_status_and_burn_carry_only_the_receipt_id_and_burn_asks_for_confirmation()
    {
        var card = Live with { PassphraseRequired = false };
        var json = CardBlocks.Render(card).ToJson();
        var buttons = json["blocks"]!.AsArray().Single(b => b!["type"]!.GetValue<string>() == "actions")!["elements"]!.AsArray();

        Assert.Equal([ActionIds.CheckStatus, ActionIds.Burn], buttons.Select(b => b!["action_id"]!.GetValue<string>()));
        Assert.All(buttons, b => Assert.Equal(card.ReceiptId, b!["value"]!.GetValue<string>()));
        Assert.All(buttons, b => Assert.Null(b!["url"]));
        Assert.Equal("danger", buttons[1]!["style"]!.GetValue<string>());
        Assert.Equal("Burn this secret?", buttons[1]!["confirm"]!["title"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void Burn_of_a_secret_with_a_passphrase_opens_the_passphrase_modal_instead_of_a_confirm_dialog()
    {
        var json = CardBlocks.Render(Live).ToJson();
        var buttons = json["blocks"]!.AsArray().Single(b => b!["type"]!.GetValue<string>() == "actions")!["elements"]!.AsArray();

        Assert.Equal([ActionIds.CheckStatus, ActionIds.BurnWithPassphrase], buttons.Select(b => b!["action_id"]!.GetValue<string>()));
        Assert.Equal("danger", buttons[1]!["style"]!.GetValue<string>());
        Assert.Null(buttons[1]!["confirm"]);
    }

    [Theory]
    [InlineData(SecretStatus.Viewed, "👀 Viewed", "The recipient opened the link")]
    [InlineData(SecretStatus.Burned, "🔥 Burned", "The secret was burned")]
    [InlineData(SecretStatus.Expired, "⌛ Expired", "The secret expired unread")]
    public void A_finished_card_says_what_happened_and_offers_neither_link_nor_buttons(SecretStatus status, string title, string sentence)
    {
        var card = Live with { Status = status, Link = null, StatusChangedAt = Expires.AddDays(-1) };

        var json = CardBlocks.Render(card, replaceOriginal: true).ToJson();
        var text = CardBlocks.Render(card, replaceOriginal: true).ToJsonString();

        Assert.True(json["replace_original"]!.GetValue<bool>());
        Assert.StartsWith(title, json["blocks"]![0]!["text"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(sentence, text, StringComparison.Ordinal);
        Assert.Contains("<!date^1794913600^", text, StringComparison.Ordinal);
        Assert.DoesNotContain("/secret/", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"actions\"", text, StringComparison.Ordinal);
        Assert.Empty(PublishedBlockKitLimits.Violations(json));
    }

    [Fact]
    public void A_generated_password_card_says_so_without_holding_the_password()
    {
        var reply = CardBlocks.Render(Live with { Generated = true, PassphraseRequired = false, Recipient = null });
        var text = reply.ToJsonString();

        Assert.Contains("Generated password, behind a one-time link", text, StringComparison.Ordinal);
        Assert.Contains("None", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Recipient", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_reply_is_private_and_says_what_went_wrong_and_what_to_do_with_mrkdwn_escaped()
    {
        var error = new SharingError(SharingErrorKind.InvalidInput, "I could not read \"<soon>\" as an expiry.", "Choose between 1 minute and 30 days, e.g. 15m & 1h.", SharingError.TtlField);

        var json = CardBlocks.Render(error).ToJson();
        var text = CardBlocks.Render(error).ToJsonString();

        Assert.Equal("ephemeral", json["response_type"]!.GetValue<string>());
        Assert.Contains("&lt;soon&gt;", text, StringComparison.Ordinal);
        Assert.Contains("15m &amp; 1h", text, StringComparison.Ordinal);
        Assert.Equal(error.Message + " " + error.Hint, json["text"]!.GetValue<string>());
        Assert.Empty(PublishedBlockKitLimits.Violations(json));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("sv")]
    public void Oversized_inputs_are_cut_to_block_kits_limits_rather_than_rejected_by_slack(string language)
    {
        using var speaking = Core.Localization.LanguageScope.Use(Core.Localization.Languages.From(language));
        var huge = Live with { BackendHost = new string('h', 5000), Recipient = new string('r', 5000) };
        var error = new SharingError(SharingErrorKind.Rejected, new string('m', 5000), new string('h', 5000));

        Assert.Empty(PublishedBlockKitLimits.Violations(CardBlocks.Render(huge).ToJson()));
        Assert.Empty(PublishedBlockKitLimits.Violations(CardBlocks.Render(error).ToJson()));
    }

    [Fact]
    public void The_limits_check_notices_what_slack_would_refuse()
    {
        var blocks = new JsonArray(Enumerable.Range(0, 51).Select(_ => (JsonNode?)Blocks.Section("x")).ToArray());
        blocks.Add(new JsonObject { ["type"] = "header", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = new string('x', 151) } });
        var message = new JsonObject { ["blocks"] = blocks };

        var problems = PublishedBlockKitLimits.Violations(message);

        Assert.Contains("the message has no text fallback", problems);
        Assert.Contains("52 blocks, more than 50", problems);
        Assert.Contains("header text of 151 characters, more than 150", problems);
    }
}
