using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Localization;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Requests;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Payloads;
using OneTimeBot.Slack.Views;
using OneTimeBot.Testing.Slack;
using OneTimeBot.Slack.Localization;

namespace OneTimeBot.Slack.Tests;

/// <summary>Every message and modal about a request for a secret, at its longest, is one Slack accepts.</summary>
public sealed class RequestBlocksTests
{
    private static readonly DateTimeOffset Now = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

    // The longest note, of the character Slack's markup escapes to the longest text.
    private static readonly SecretRequest Request = new(
        "k2v9x0c7b4n1m8z5a3s6d9f2g1", new WorkspaceId(ChatPlatform.Slack, "T0ALPHA"), "U0ALICE", new ChatReach(EnterpriseId: "E0ORG"),
        new Person("U0BOB", new string('b', 80)), new string('&', RequestRules.MaxNote), Now, Now.AddDays(30), RequestState.Open);

    private static readonly SecretCard Card = new(
        "k2v9x0c7b4n1m8z5a3s6d9f2g1", SecretStatus.New, new Uri("https://secrets.example.com/secret/" + new string('k', 62)), Now.AddDays(30),
        TimeSpan.FromDays(30), PassphraseRequired: true, Recipient: null, "secrets.example.com", Generated: false);

    private static readonly WorkspaceSettings Settings = new(
        new WorkspaceId(ChatPlatform.Slack, "T0ALPHA"), "https://" + new string('s', 200) + ".example.com", "ops@example.com", HasApiToken: true,
        DefaultTtl: TimeSpan.FromDays(2), MaxTtl: TimeSpan.FromDays(30), AllowAnonymous: true, ShareDomain: null, PinnedFields: new HashSet<string>());

    private static readonly ViewMetadata Metadata = new("https://hooks.slack.com/actions/T0ALPHA/1234567890/" + new string('x', 24), "D0BOB");

    /// <summary>Every message in every language: Swedish runs longer than English.</summary>
    public static TheoryData<string, string> Messages()
    {
        var data = new TheoryData<string, string>();
        foreach (var language in Languages.Supported)
        {
            foreach (var name in new[] { "sent", "refused", "answered", "answered-not-sent", "declined", "form-button", "channel-named" })
            {
                data.Add(name, language.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Each_message_about_a_request_is_within_block_kit_limits_and_has_a_text_fallback(string name, string language)
    {
        using var speaking = LanguageScope.Use(Languages.From(language));
        var reply = name switch
        {
            "sent" => RequestBlocks.Sent(Request),
            "refused" => RequestBlocks.Render(RequestRules.NotDelivered(new string('w', 3000))),
            "answered" => RequestBlocks.Answered(new RequestAnswered(Request, Card with { SentTo = new Person("U0ALICE") })),
            "answered-not-sent" => RequestBlocks.Answered(new RequestAnswered(Request, Card with { NotSent = (new Person("U0ALICE"), new string('w', 3000)) })),
            "declined" => RequestBlocks.Declined(Request),
            "form-button" => RequestBlocks.FormButton(),
            _ => RequestBlocks.NotOnePerson(new LeadingName(LeadingNameKind.Channel, null, "#" + new string('c', 80), ""), "/" + new string('o', 31)),
        };

        var json = reply.ToJson();

        Assert.Empty(PublishedBlockKitLimits.Violations(json));
        Assert.NotEmpty(json["text"]!.GetValue<string>());
    }

    [Fact]
    public void The_answered_message_shows_no_link_unless_it_could_not_be_sent_and_then_says_why()
    {
        var sent = RequestBlocks.Answered(new RequestAnswered(Request, Card with { SentTo = new Person("U0ALICE") })).ToJsonString();
        var notSent = RequestBlocks.Answered(new RequestAnswered(Request, Card with { NotSent = (new Person("U0ALICE"), "Their Slack account is deactivated.") })).ToJsonString();

        Assert.DoesNotContain("/secret/", sent, StringComparison.Ordinal);
        Assert.Contains("/secret/", notSent, StringComparison.Ordinal);
        Assert.Contains("Not sent to <@U0ALICE>.", notSent, StringComparison.Ordinal);
        Assert.Contains("Their Slack account is deactivated.", notSent, StringComparison.Ordinal);
        Assert.Contains("Your answer to <@U0ALICE>'s request for:", notSent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("sv")]
    public void The_request_and_answer_modals_are_within_slacks_view_limits(string language)
    {
        using var speaking = LanguageScope.Use(Languages.From(language));
        var views = new[]
        {
            RequestModal.Build(Metadata),
            RequestModal.Build(Metadata, new Person("U0BOB")),
            RequestModal.Sent(Request),
            AnswerModal.Build(Request, Settings, Metadata),
        };

        Assert.All(views, v => Assert.Empty(PublishedBlockKitLimits.ViewViolations(v)));
    }
}
