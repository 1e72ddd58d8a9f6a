using OneTimeBot.Core.Commands;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Hosting;
using OneTimeBot.Slack.Payloads;
using OneTimeBot.Slack.Views;
using OneTimeSecret.Client;

namespace OneTimeBot.Slack.Handlers;

/// <summary>What each <c>/onetime</c> subcommand does. Every answer is private; slow work is acked and finished later.</summary>
public sealed class CommandHandlers(
    SharingService sharing,
    WorkspaceSettingsService workspaces,
    ModalOpener modals,
    SlackDelivery delivery)
{
    private const string Prefix = "/onetime ";

    public static Task<SlackReply?> HelpAsync(SlashCommand command) => Task.FromResult<SlackReply?>(HelpBlocks.Render(Prefix));

    public static Task<SlackReply?> UnknownAsync(SlashCommand command, UnknownCommand unknown) =>
        Task.FromResult<SlackReply?>(HelpBlocks.Render(Prefix, unknown.Problem));

    public async Task<SlackReply?> OpenShareModalAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        var settings = await workspaces.GetAsync(SlackActors.For(command.TeamId, command.UserId).Workspace, cancellationToken).ConfigureAwait(false);
        var view = ShareModal.Build(settings, new ViewMetadata(command.ResponseUrl?.ToString(), command.ChannelId));
        return await modals.OpenAsync(command.TeamId, command.EnterpriseId, command.TriggerId, view, cancellationToken).ConfigureAwait(false);
    }

    public async Task<SlackReply?> ShareAsync(SlashCommand command, SecretText secret)
    {
        var actor = SlackActors.For(command.TeamId, command.UserId);
        return await delivery.InlineOrLaterAsync("share", async ct =>
                CardReplies.From(await sharing.ShareAsync(actor, new ShareInput(secret), delivery.FollowUpBudget, ct).ConfigureAwait(false)),
            Target(command), () => SlackMessages.Working("Creating your link")).ConfigureAwait(false);
    }

    public async Task<SlackReply?> GenerateAsync(SlashCommand command, GenerateCommand generate)
    {
        var actor = SlackActors.For(command.TeamId, command.UserId);
        return await delivery.InlineOrLaterAsync("generate", async ct =>
                CardReplies.From(await sharing.GenerateAsync(actor, new GenerateInput(generate.Ttl, generate.Length), delivery.FollowUpBudget, ct).ConfigureAwait(false)),
            Target(command), () => SlackMessages.Working("Generating a password and its link")).ConfigureAwait(false);
    }

    public async Task<SlackReply?> OpenConfigAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        var (isAdmin, problem) = await modals.IsAdminAsync(command.TeamId, command.EnterpriseId, command.UserId, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (!isAdmin)
        {
            return SlackMessages.ConfigRefused();
        }

        var form = await workspaces.FormAsync(SlackActors.For(command.TeamId, command.UserId).Workspace, cancellationToken).ConfigureAwait(false);
        var view = ConfigModal.Build(form, new ViewMetadata(command.ResponseUrl?.ToString(), command.ChannelId));
        return await modals.OpenAsync(command.TeamId, command.EnterpriseId, command.TriggerId, view, cancellationToken).ConfigureAwait(false);
    }

    private static ReplyTarget Target(SlashCommand command) => new(command.TeamId, command.EnterpriseId, command.ResponseUrl, command.ChannelId);
}
