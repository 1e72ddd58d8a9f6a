using System.Collections.Concurrent;
using System.Globalization;
using OneTimeBot.Core.Localization;
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
/// case-insensitive; what follows a keyword is passed on exactly as typed, since it may be a secret. The keywords are
/// the same in every language; the help and what a platform says while a command works are in the reader's.
/// </summary>
public sealed class BotCommands(SharingService sharing, LinkDelivery links, SecretRequestService requests, NotifyPreferences notifications, RecentLinks recent)
{
    // Declared once per language: every command typed reads the table, and declaring it reads twenty-odd texts.
    private readonly ConcurrentDictionary<string, CommandDefinition[]> _declared = new();

    /// <summary>Every command, its help written in the current culture.</summary>
    public IReadOnlyList<CommandDefinition> All => _declared.GetOrAdd(CultureInfo.CurrentUICulture.Name, _ => Declare());

    private CommandDefinition[] Declare() =>
        [
            new("share", [],
                [
                    new("", CoreStrings.Get("Help.Share.Form")),
                    new(CoreStrings.Get("Help.Share.Secret.Arguments"), CoreStrings.Get("Help.Share.Secret"), SlashCommandOnly: true),
                    new(CoreStrings.Get("Help.Share.Person.Arguments"), CoreStrings.Get("Help.Share.Person"), SlashCommandOnly: true),
                ],
                CoreStrings.Get("Progress.Share"),
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
                    new(CoreStrings.Get("Help.Generate.Arguments"), CoreStrings.Get("Help.Generate"), "generate 24h 20"),
                    new(CoreStrings.Get("Help.Generate.Person.Arguments"), CoreStrings.Get("Help.Generate.Person"), "generate @alice 24h", SlashCommandOnly: true),
                ],
                CoreStrings.Get("Progress.Generate"),
                async (request, ct) => new CardReply(await links.SendAsync(request.Actor, request.SendTo,
                    await sharing.GenerateAsync(request.Actor, GenerateArguments.Read(request.Arguments) with { SendTo = request.SendTo }, request.Budget, ct).ConfigureAwait(false),
                    null, ct).ConfigureAwait(false)))
            {
                TakesPerson = true,
            },
            new("request", ["ask"],
                [
                    new("", CoreStrings.Get("Help.Request.Form")),
                    new(CoreStrings.Get("Help.Request.Person.Arguments"), CoreStrings.Get("Help.Request.Person"), CoreStrings.Get("Help.Request.Person.Example"), SlashCommandOnly: true),
                ],
                CoreStrings.Get("Progress.Request"),
                // Without both a person and what it is for, the form asks for what is missing, with the person picked.
                async (request, ct) => request.SendTo is { } asked && request.Arguments.Trim().Length > 0
                    ? new RequestReply(await requests.CreateAsync(request.Actor, asked, request.Arguments, ct).ConfigureAwait(false))
                    : new FormReply(BotForm.Request) { SendTo = request.SendTo })
            {
                TakesPerson = true,
            },
            new("recent", ["links"],
                [new("", CoreStrings.Format("Help.Recent", TrackedShare.RecentPerOwner))],
                null,
                async (request, ct) => request.Arguments.Trim().Length == 0
                    ? new RecentLinksReply(await recent.ListAsync(request.Actor, ct).ConfigureAwait(false))
                    : Help(CoreStrings.Get("Problem.Recent.TakesNothing"))),
            new("notify", [],
                [new("off|on", CoreStrings.Get("Help.Notify"), CoreStrings.Get("Help.Notify.Example"))],
                null,
                NotifyAsync),
            new("config", ["settings"],
                [new("", CoreStrings.Get("Help.Config"))],
                null,
                (request, _) => Task.FromResult<CommandReply>(request.Arguments.Trim().Length == 0
                    ? new FormReply(BotForm.Config)
                    : Help(CoreStrings.Get("Problem.Config.TakesNothing")))),
            new("help", ["?"],
                [new("", CoreStrings.Get("Help.Help"))],
                null,
                (_, _) => Task.FromResult<CommandReply>(Help())),
        ];

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
        var all = All;
        if (all.FirstOrDefault(c => c.Answers(keyword)) is { } command)
        {
            return new ParsedCommand(command, rest, null);
        }

        return new ParsedCommand(null, "", NearestName.For(keyword, all.Select(c => c.Name)) is { } meant
            ? CoreStrings.Format("Problem.UnknownCommand.DidYouMean", keyword, meant)
            : CoreStrings.Get("Problem.UnknownCommand"));
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
    private async Task<CommandReply> NotifyAsync(CommandRequest request, CancellationToken cancellationToken)
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
                return Help(CoreStrings.Get("Problem.Notify.TakesOnOrOff"));
        }
    }
}
