using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using OneTimeBot.Slack.Configuration;

namespace OneTimeBot.Slack.Installations;

/// <summary>
/// The bot token for a request's team: the configured one for a single-workspace app, else the team's own
/// installation, else its org's org-wide installation. Null when the app is not installed there (or was removed).
/// </summary>
public sealed class SlackTokens(IOptions<SlackOptions> options, ISlackInstallationStore installations, IDataProtectionProvider dataProtection)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("OneTimeBot.Slack.BotToken.v1");

    public async Task<string?> ForAsync(string? teamId, string? enterpriseId, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (o.UsesBotToken)
        {
            return o.BotToken.Trim();
        }

        if (!o.UsesOAuth)
        {
            return null;
        }

        var installation = teamId is { Length: > 0 } ? await installations.FindAsync(SlackInstallation.TeamKey(teamId), cancellationToken).ConfigureAwait(false) : null;
        if (installation is null && enterpriseId is { Length: > 0 })
        {
            installation = await installations.FindAsync(SlackInstallation.EnterpriseKey(enterpriseId), cancellationToken).ConfigureAwait(false);
        }

        return installation is null ? null : _protector.Unprotect(installation.ProtectedBotToken);
    }

    /// <summary>Neither a bot token nor OAuth is configured (Development only): nothing can call the Web API.</summary>
    public bool IsLocalMode => !options.Value.UsesBotToken && !options.Value.UsesOAuth;

    public string Protect(string botToken) => _protector.Protect(botToken);
}
