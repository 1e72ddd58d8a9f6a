using System.Text.Json.Nodes;
using OneTimeBot.Core.Commands;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Teams.Localization;

namespace OneTimeBot.Teams.Cards;

/// <summary>The chat's cards for the core's command replies: help, notices, and where the forms and secret cards come in.</summary>
public static class ReplyCards
{
    /// <summary>
    /// The chat's card for whatever the core answered a typed command with: the one place that knows every kind of
    /// <see cref="CommandReply"/>. A form is built by <paramref name="openForm"/>, which knows the organisation and who may see it.
    /// </summary>
    public static async Task<JsonObject> RenderAsync(CommandReply reply, Func<BotForm, Task<JsonObject>> openForm)
    {
        ArgumentNullException.ThrowIfNull(openForm);
        return reply switch
        {
            HelpReply help => Help(help),
            FormReply form => await openForm(form.Form).ConfigureAwait(false),
            CardReply card => SecretCardRenderer.Render(card.Result, CardAudience.Sender),
            NoticeReply notice => Notice(notice.Notice, notice.OfferForms),
            RequestReply request => RequestCards.Render(request.Result),
            RecentLinksReply recent => RecentLinksCard.Build(recent.List),
            _ => throw new NotSupportedException($"The Teams chat has no card for a {reply?.GetType().Name ?? "missing reply"}."),
        };
    }

    /// <summary>The help, each chat command a fact, with buttons that open the forms in the chat (asking for a secret's too).</summary>
    public static JsonObject Help(HelpReply help)
    {
        ArgumentNullException.ThrowIfNull(help);
        var body = new JsonArray();
        if (help.Welcome)
        {
            body.Add(AdaptiveCard.Title(TeamsStrings.Get("Help.Welcome")));
        }

        if (help.Problem is not null)
        {
            body.Add(AdaptiveCard.Text("🤔 " + help.Problem, color: "Attention"));
        }

        // A usage only the slash command accepts (a secret typed after share) is refused in a chat: not offered here.
        var lines = help.Lines.Where(l => !l.SlashCommandOnly).ToList();
        body.Add(AdaptiveCard.Text(TeamsStrings.Get("Help.Intro")));
        body.Add(AdaptiveCard.Facts([.. lines.Select(l => (l.Usage, l.Example is null ? l.Description : TeamsStrings.Format("Help.Example", l.Description, l.Example)))]));
        // Beside the facts rather than with the card's buttons, which a narrow chat could not show three of in a row.
        body.Add(AdaptiveCard.Text(TeamsStrings.Get("Help.Request"), size: "Small"));
        body.Add(new JsonObject { ["type"] = "ActionSet", ["actions"] = new JsonArray(RequestCards.OpenFormButton()) });
        body.Add(AdaptiveCard.Text(TeamsStrings.Get("Help.Extension"), subtle: true, size: "Small"));
        return AdaptiveCard.Card("OneTimeBot: " + string.Join(", ", lines.Select(l => l.Usage)), body, OpenFormButtons());
    }

    /// <summary>A short private message; with <paramref name="offerForms"/>, the buttons that open the forms.</summary>
    public static JsonObject Notice(Notice notice, bool offerForms = false)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return AdaptiveCard.Card(notice.AsLine(),
            [
                AdaptiveCard.Text(notice.Message, color: "Attention"),
                AdaptiveCard.Text(notice.Hint, subtle: true),
            ],
            offerForms ? OpenFormButtons() : null);
    }

    private static JsonArray OpenFormButtons() =>
    [
        AdaptiveCard.Submit(TeamsStrings.Get("Action.Share"), new JsonObject { [CardActions.Key] = CardActions.OpenShareForm }, "positive"),
        AdaptiveCard.Submit(TeamsStrings.Get("Action.Generate"), new JsonObject { [CardActions.Key] = CardActions.OpenGenerateForm }),
    ];
}
