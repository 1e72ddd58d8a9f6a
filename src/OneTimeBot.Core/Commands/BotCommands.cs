using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Requests;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Tracking;
using OneTimeBot.Core.Workspaces;
using OneTimeSecret.Client;

namespace OneTimeBot.Core.Commands;

/// <summary>
/// Every command of <c>/onetime …</c>, of a Slack DM to the bot and of the Teams chat, declared once: its name,
/// how it is typed, its help and what it does. Help is generated from these declarations, and a word that names no
/// command is answered with the help and a "did you mean", never silently with something else. Keywords are
/// case-insensitive; what follows a keyword is passed on exactly as typed, since it may be a secret.
/// </summary>
public sealed class BotCommands
{
    public BotCommands(SharingService sharing, LinkDelivery links, SecretRequestService requests, NotifyPreferences notifications, RecentLinks recent)
    {
        All =
        [
            new("share", [],
                [
                    new("", "a form for the secret, its expiry, a passphrase and the recipient"),
                    new("<secret>", "a link straight away, with the default expiry", SlashCommandOnly: true),
                    new("@person <secret>", "the link sent straight to them, in their chat with OneTimeBot", SlashCommandOnly: true),
                ],
                "Creating your link",
                async (request, ct) => request.Arguments.Trim().Length == 0
                    ? new FormReply(BotForm.Share) { SendTo = request.SendTo }
                    : request.Surface == CommandSurface.Chat
                        ? new NoticeReply(Notices.SecretTypedInChat, OfferForms: true)
                        : new CardReply(await links.SendAsync(request.Actor, request.SendTo,
                            await sharing.ShareAsync(request.Actor, new ShareInput(new SecretText(request.Arguments), SendTo: request.SendTo), request.Budget, ct).ConfigureAwait(false),
                            null, ct).ConfigureAwait(false)))
            {
                TakesPerson = true,
            },
            new("generate", ["gen"],
                [
                    new("[expiry] [length]", "a random password behind a link", "generate 24h 20"),
                    new("@person [expiry] [length]", "a random password's link sent straight to them", "generate @alice 24h", SlashCommandOnly: true),
                ],
                "Generating a password and its link",
                async (request, ct) => new CardReply(await links.SendAsync(request.Actor, request.SendTo,
                    await sharing.GenerateAsync(request.Actor, GenerateArguments.Read(request.Arguments) with { SendTo = request.SendTo }, request.Budget, ct).ConfigureAwait(false),
                    null, ct).ConfigureAwait(false)))
            {
                TakesPerson = true,
            },
            new("request", ["ask"],
                [
                    new("", "a form to ask someone for a secret; its one-time link comes back to you"),
                    new("@person <what it is for>", "asks them at once", "request @bob the staging DB password", SlashCommandOnly: true),
                ],
                "Sending your request",
                // Without both a person and what it is for, the form asks for what is missing, with the person picked.
                async (request, ct) => request.SendTo is { } asked && request.Arguments.Trim().Length > 0
                    ? new RequestReply(await requests.CreateAsync(request.Actor, asked, request.Arguments, ct).ConfigureAwait(false))
                    : new FormReply(BotForm.Request) { SendTo = request.SendTo })
            {
                TakesPerson = true,
            },
            new("recent", ["links"],
                [new("", "your last 20 links: whether each was opened, and Burn for those still waiting")],
                null,
                async (request, ct) => request.Arguments.Trim().Length == 0
                    ? new RecentLinksReply(await recent.ListAsync(request.Actor, ct).ConfigureAwait(false))
                    : Help("recent takes nothing after it.")),
            new("notify", [],
                [new("off|on", "whether you get a message when one of your links is opened, burned or expires unopened", "notify off")],
                null,
                (request, ct) => NotifyAsync(notifications, request, ct)),
            new("config", ["settings"],
                [new("", "OneTimeBot's settings here (admins only)")],
                null,
                (request, _) => Task.FromResult<CommandReply>(request.Arguments.Trim().Length == 0
                    ? new FormReply(BotForm.Config)
                    : Help("config takes nothing after it."))),
            new("help", ["?"],
                [new("", "this message")],
                null,
                (_, _) => Task.FromResult<CommandReply>(Help())),
        ];
    }

    public IReadOnlyList<CommandDefinition> All { get; }

    /// <summary>Splits a typed line into its command and the rest. Only the one white-space character that ends the keyword is dropped.</summary>
    public ParsedCommand Parse(string? text)
    {
        var trimmed = (text ?? "").TrimStart();
        if (trimmed.Trim().Length == 0)
        {
            return new ParsedCommand(Find("help"), "", null);
        }

        var end = 0;
        while (end < trimmed.Length && !char.IsWhiteSpace(trimmed[end]))
        {
            end++;
        }

        var keyword = trimmed[..end].ToLowerInvariant();
        var rest = end < trimmed.Length ? trimmed[(end + 1)..] : "";
        if (All.FirstOrDefault(c => c.Answers(keyword)) is { } command)
        {
            return new ParsedCommand(command, rest, null);
        }

        return new ParsedCommand(null, "", NearestName.For(keyword, All.Select(c => c.Name)) is { } meant
            ? $"I don't know \"{keyword}\". Did you mean {meant}?"
            : "That isn't a command I know.");
    }

    /// <summary>Runs what was parsed; a line that named no command gets the help with its problem.</summary>
    public Task<CommandReply> RunAsync(ParsedCommand parsed, Actor actor, CommandSurface surface, TimeSpan budget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        return parsed.Command is { } command
            ? command.Handle(new CommandRequest(actor, parsed.Arguments, surface, budget) { SendTo = parsed.SendTo }, cancellationToken)
            : Task.FromResult<CommandReply>(Help(parsed.Problem));
    }

    /// <summary>The help for every command, each usage a line.</summary>
    public HelpReply Help(string? problem = null, bool welcome = false) =>
        new([.. All.SelectMany(c => c.Usages.Select(u => new HelpLine(c.Name, u.Arguments, u.Description, u.Example, u.SlashCommandOnly)))], problem, welcome);

    private CommandDefinition Find(string name) => All.First(c => c.Name == name);

    /// <summary><c>notify off</c>, <c>notify on</c>, or just <c>notify</c> to hear how it is now.</summary>
    private async Task<CommandReply> NotifyAsync(NotifyPreferences notifications, CommandRequest request, CancellationToken cancellationToken)
    {
        switch (request.Arguments.Trim().ToLowerInvariant())
        {
            case "":
                return new NoticeReply(NotifyNotices.Currently(await notifications.WantsAsync(request.Actor, cancellationToken).ConfigureAwait(false)));
            case "on" or "off":
                var notify = request.Arguments.Trim().Equals("on", StringComparison.OrdinalIgnoreCase);
                await notifications.SetAsync(request.Actor, notify, cancellationToken).ConfigureAwait(false);
                return new NoticeReply(NotifyNotices.Now(notify));
            default:
                return Help("notify takes on or off.");
        }
    }
}
