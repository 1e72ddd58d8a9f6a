using OneTimeBot.Core.Workspaces;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Sharing;
using OneTimeSecret.Client;

namespace OneTimeBot.Core.Commands;

/// <summary>What the core decided to answer a command with; each platform only decides how it looks.</summary>
public abstract record CommandReply;

/// <summary>The help, generated from the commands' declarations, after the problem with what was typed if there was one.</summary>
public sealed record HelpReply(IReadOnlyList<HelpLine> Lines, string? Problem = null, bool Welcome = false) : CommandReply;

/// <summary>
/// One line of help: the command and its arguments (without the platform's prefix such as <c>/onetime </c>), what it
/// does, an example; <paramref name="SlashCommandOnly"/> for a usage a chat refuses, so a chat's help leaves it out.
/// </summary>
public sealed record HelpLine(string Command, string Arguments, string Description, string? Example = null, bool SlashCommandOnly = false)
{
    /// <summary>How it is typed, e.g. <c>generate [expiry] [length]</c>.</summary>
    public string Usage => Arguments.Length == 0 ? Command : $"{Command} {Arguments}";
}

/// <summary>The forms a command can ask a platform to show: a modal in Slack, a card in Teams.</summary>
public enum BotForm
{
    Share,
    Generate,
    Config,

    /// <summary>Ask someone for a secret: the person and what it is for.</summary>
    Request,
}

/// <summary>Open a form; where a platform cannot open one (a Slack DM has no trigger), it offers the way to it instead.</summary>
public sealed record FormReply(BotForm Form) : CommandReply
{
    /// <summary>The person the command named, to be preselected as whom the link goes to.</summary>
    public Person? SendTo { get; init; }
}

/// <summary>The card for a secret that was just shared, or the error that stopped it.</summary>
public sealed record CardReply(Result<SecretCard, SharingError> Result) : CommandReply;

/// <summary>A short private message; <paramref name="OfferForms"/> adds the ways to share and generate beside it.</summary>
public sealed record NoticeReply(Notice Notice, bool OfferForms = false) : CommandReply;
