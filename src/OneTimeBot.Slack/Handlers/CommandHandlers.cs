using Microsoft.Extensions.Options;
using OneTimeBot.Core.Commands;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Configuration;
using OneTimeBot.Slack.Delivery;
using OneTimeBot.Slack.Payloads;

namespace OneTimeBot.Slack.Handlers;

/// <summary>
/// The slash command: its text goes through the core's command grammar, and what the core answers is laid out in
/// Block Kit, or opens a modal. Every answer is private. A command that calls the secret service and outlasts Slack's
/// 3 s is acked in its own progress words and finished through <c>response_url</c>.
/// </summary>
public sealed class CommandHandlers(BotCommands commands, SlackForms forms, SlackDelivery delivery, IOptions<SlackOptions> options)
{
    /// <summary>The HTTP answer; null for an empty 200 (a modal opened instead).</summary>
    public async Task<SlackReply?> OneTimeAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var origin = new SlackOrigin(command.TeamId, command.EnterpriseId, command.UserId, command.ResponseUrl, command.ChannelId, command.TriggerId) { Locale = command.Locale };
        var (parsed, refusal) = SlackCommandText.Read(commands, command.Text, options.Value.Command, CommandSurface.SlashCommand);
        if (refusal is not null)
        {
            return refusal;
        }

        Task<CommandReply> RunAsync(CancellationToken ct) =>
            commands.RunAsync(parsed, origin.Actor, CommandSurface.SlashCommand, delivery.FollowUpBudget, ct);

        CommandReply reply;
        if (parsed.Command is { Progress: { } progress } slow)
        {
            var inTime = await delivery.InlineOrLaterAsync(slow.Name, RunAsync, origin.Target, late => CommandReplyBlocks.Render(late, command.Command, CommandSurface.SlashCommand)).ConfigureAwait(false);
            if (inTime is null)
            {
                return SlackMessages.Working(progress);
            }

            reply = inTime;
        }
        else
        {
            reply = await RunAsync(cancellationToken).ConfigureAwait(false);
        }

        return reply is FormReply form
            ? await forms.OpenAsync(form.Form, origin, form.SendTo, cancellationToken).ConfigureAwait(false)
            : CommandReplyBlocks.Render(reply, command.Command, CommandSurface.SlashCommand);
    }
}
