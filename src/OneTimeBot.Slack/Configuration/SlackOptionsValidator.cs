using Microsoft.Extensions.Hosting;
using OneTimeBot.Core.Configuration;

namespace OneTimeBot.Slack.Configuration;

/// <summary>Names every Slack key that stops the app from working, so start-up fails with all of them at once.</summary>
public sealed class SlackOptionsValidator(IHostEnvironment environment) : PlatformOptionsValidator<SlackOptions>(SlackOptions.SectionName, environment)
{
    protected override void CheckPlatform(SlackOptions options, bool development, ICollection<string> errors)
    {
        if (string.IsNullOrWhiteSpace(options.SigningSecret) && !options.UsesSocketMode && !development)
        {
            errors.Add($"{Prefix}SigningSecret is required for Slack's requests over HTTP: copy it from the Slack app's Basic Information page, or set {Prefix}AppToken to use Socket Mode instead (or set {Prefix}Enabled to false).");
        }

        CheckSocketMode(options, errors);

        if (options.UsesBotToken && options.UsesOAuth)
        {
            errors.Add($"{Prefix}BotToken and {Prefix}ClientId are both set: use BotToken for one workspace or ClientId and ClientSecret to install into many, not both.");
        }
        else if (options.UsesBotToken && !options.BotToken.Trim().StartsWith("xoxb-", StringComparison.Ordinal))
        {
            errors.Add($"{Prefix}BotToken must be a bot token (xoxb-…), from the app's OAuth & Permissions page.");
        }
        else if (options.UsesOAuth && string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            errors.Add($"{Prefix}ClientSecret is required with {Prefix}ClientId.");
        }
        else if (!options.UsesBotToken && !options.UsesOAuth && !development)
        {
            errors.Add($"{Prefix}BotToken (one workspace) or {Prefix}ClientId and {Prefix}ClientSecret (many workspaces) is required.");
        }

        if (!IsCommandName(options.Command))
        {
            errors.Add($"{Prefix}Command '{options.Command}' must be the slash command as the Slack app declares it: '/' and 1 to 31 lowercase letters, digits, '-' or '_' (e.g. {SlackOptions.DefaultCommand}).");
        }

        CheckResponseUrlHosts(errors, options.ResponseUrlHosts);
        CheckIds(errors, "AllowedTeams", options.AllowedTeams, 'T', "team id (T…), from the workspace's URL or about page");
        CheckIds(errors, "AllowedEnterprises", options.AllowedEnterprises, 'E', "Enterprise Grid org id (E…)");
        CheckUrl(errors, "ApiBaseUrl", options.ApiBaseUrl);
        CheckUrl(errors, "AuthorizeUrl", options.AuthorizeUrl);
        if (options.InlineWait <= TimeSpan.Zero || options.InlineWait > TimeSpan.FromSeconds(2.8))
        {
            errors.Add($"{Prefix}InlineWait must be more than 0 and at most 2.8 s: Slack gives a command 3 s.");
        }

        if (options.LanguageWait <= TimeSpan.Zero || options.LanguageWait > TimeSpan.FromSeconds(1))
        {
            errors.Add($"{Prefix}LanguageWait must be more than 0 and at most 1 s: it comes out of the 3 s Slack gives a command.");
        }

        if (options.LanguageWait + options.InlineWait > TimeSpan.FromSeconds(2.8))
        {
            errors.Add($"{Prefix}LanguageWait plus {Prefix}InlineWait must be at most 2.8 s: a command waits for both within the 3 s Slack gives it.");
        }

        if (options.ModalBudget <= TimeSpan.Zero || options.ModalBudget > TimeSpan.FromSeconds(2.8))
        {
            errors.Add($"{Prefix}ModalBudget must be more than 0 and at most 2.8 s: Slack gives a modal submission 3 s.");
        }
    }

    private void CheckSocketMode(SlackOptions options, ICollection<string> errors)
    {
        if (!options.UsesSocketMode)
        {
            return;
        }

        if (!options.AppToken.Trim().StartsWith("xapp-", StringComparison.Ordinal))
        {
            errors.Add($"{Prefix}AppToken must be an app-level token (xapp-…) with the connections:write scope, from the app's Basic Information page.");
        }

        var socket = options.SocketMode;
        if (socket.Connections is < 1 or > SocketModeSettings.SlackMaxConnections)
        {
            errors.Add($"{Prefix}SocketMode:Connections must be 1 to {SocketModeSettings.SlackMaxConnections} (Slack's limit per app, over all replicas); 2 keeps one open while the other is replaced.");
        }

        if (socket.ReconnectDelay <= TimeSpan.Zero || socket.MaxReconnectDelay < socket.ReconnectDelay)
        {
            errors.Add($"{Prefix}SocketMode:ReconnectDelay must be more than 0 and at most {Prefix}SocketMode:MaxReconnectDelay.");
        }

        if (socket.ConnectTimeout <= TimeSpan.Zero || socket.KeepAliveInterval <= TimeSpan.Zero || socket.KeepAliveTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{Prefix}SocketMode:ConnectTimeout, KeepAliveInterval and KeepAliveTimeout must be more than 0.");
        }
    }

    /// <summary>Slack's own rule for a slash command's name, so a name Slack would never send is caught at start-up.</summary>
    private static bool IsCommandName(string? command) =>
        command is { Length: >= 2 and <= 32 } && command[0] == '/' && command.Skip(1).All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_');

    private void CheckResponseUrlHosts(ICollection<string> errors, IList<string> hosts)
    {
        for (var i = 0; i < hosts.Count; i++)
        {
            if (ResponseUrlHost.Parse(hosts[i]) is null)
            {
                errors.Add($"{Prefix}ResponseUrlHosts:{i} '{hosts[i]}' must be a host name, optionally with :port (e.g. {SlackOptions.DefaultResponseUrlHost}): no scheme, path or wildcard.");
            }
        }
    }

    private void CheckIds(ICollection<string> errors, string key, IList<string> ids, char prefix, string what)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            var id = ids[i]?.Trim() ?? "";
            if (id.Length < 2 || id[0] != prefix || !id.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)))
            {
                errors.Add($"{Prefix}{key}:{i} '{ids[i]}' must be a Slack {what}.");
            }
        }
    }

    private void CheckUrl(ICollection<string> errors, string key, string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"{Prefix}{key} must be an absolute http(s) URL.");
        }
    }
}
