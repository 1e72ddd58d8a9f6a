using System.Text.Json.Nodes;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Installations;
using OneTimeBot.Slack.WebApi;

namespace OneTimeBot.Slack.Handlers;

/// <summary>Opens a modal with the team's bot token, while the trigger id is still fresh; says why when it cannot.</summary>
public sealed class ModalOpener(SlackTokens tokens, SlackApiClient api)
{
    /// <summary>Null when the modal opened; else the private message explaining why not.</summary>
    public async Task<SlackReply?> OpenAsync(string teamId, string? enterpriseId, string? triggerId, JsonObject view, CancellationToken cancellationToken)
    {
        if (triggerId is null)
        {
            return SlackMessages.SlackFailed("open the form", "no trigger id");
        }

        var token = await tokens.ForAsync(teamId, enterpriseId, cancellationToken).ConfigureAwait(false);
        if (token is null)
        {
            return tokens.IsLocalMode ? SlackMessages.NeedsBotToken() : SlackMessages.NotInstalled();
        }

        var opened = await api.OpenViewAsync(token, triggerId, view, cancellationToken).ConfigureAwait(false);
        return opened.Ok ? null : SlackMessages.SlackFailed("open the form", opened.Error ?? "unknown error");
    }

    /// <summary>Whether <paramref name="userId"/> administers the team (admin, owner or primary owner), asked of <c>users.info</c>.</summary>
    public async Task<(bool IsAdmin, SlackReply? Problem)> IsAdminAsync(string teamId, string? enterpriseId, string userId, CancellationToken cancellationToken)
    {
        var token = await tokens.ForAsync(teamId, enterpriseId, cancellationToken).ConfigureAwait(false);
        if (token is null)
        {
            return (false, tokens.IsLocalMode ? SlackMessages.NeedsBotToken() : SlackMessages.NotInstalled());
        }

        var info = await api.UserInfoAsync(token, userId, cancellationToken).ConfigureAwait(false);
        if (!info.Ok)
        {
            return (false, SlackMessages.SlackFailed("check that you are an admin", info.Error ?? "unknown error"));
        }

        var user = info.Body["user"] as JsonObject;
        bool Flag(string name) => user?[name] is JsonValue v && v.TryGetValue<bool>(out var b) && b;
        return (Flag("is_admin") || Flag("is_owner") || Flag("is_primary_owner"), null);
    }
}
