using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneTimeBot.Core.Configuration;
using OneTimeBot.Core.Events;
using OneTimeBot.Core.Hosting;
using OneTimeBot.Core.Localization;
using OneTimeBot.Slack.Configuration;
using OneTimeBot.Slack.Localization;
using OneTimeBot.Slack.Verification;
using OneTimeBot.Slack.WebApi;

namespace OneTimeBot.Slack.Installations;

/// <summary>
/// The OAuth v2 install into many workspaces. <c>/slack/install</c> sends the browser to Slack with a random state
/// that is also in a short-lived, encrypted, HttpOnly cookie; <c>/slack/oauth_redirect</c> accepts the code only with
/// that same browser's cookie, once, within ten minutes, then stores the bot token encrypted per team (or per org for
/// an org-wide install). Its pages speak the browser's language (<c>Accept-Language</c>); they have no language
/// switch, since Slack's redirect can be followed only once.
/// </summary>
public static partial class SlackInstall
{
    public const string StateCookie = "onetimebot_slack_oauth";
    private static readonly TimeSpan StateLifetime = TimeSpan.FromMinutes(10);

    public static IResult Start(HttpContext http, IOptions<SlackOptions> options, IPublicBaseUrl publicUrl, IDataProtectionProvider dataProtection)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var language = LanguageScope.Use(BrowserLanguage(http));
        var o = options.Value;
        if (!o.UsesOAuth)
        {
            return Page(StatusCodes.Status404NotFound, InstallPageStrings.Get("Install.NotOffered.Title"), InstallPageStrings.Get("Install.NotOffered.Start"));
        }

        var state = Base64UrlTextEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        http.Response.Cookies.Append(StateCookie, Protector(dataProtection).Protect(state, StateLifetime), new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            // Lax: the cookie must come back on Slack's top-level redirect to us.
            SameSite = SameSiteMode.Lax,
            Path = "/slack",
            MaxAge = StateLifetime,
        });
        var authorize = QueryHelpers.AddQueryString(o.AuthorizeUrl, new Dictionary<string, string?>
        {
            ["client_id"] = o.ClientId.Trim(),
            ["scope"] = string.Join(',', SlackScopes.Bot),
            ["redirect_uri"] = RedirectUri(publicUrl).ToString(),
            ["state"] = state,
        });
        return Results.Redirect(authorize);
    }

    public static async Task<IResult> FinishAsync(
        HttpContext http,
        IOptions<SlackOptions> options,
        IPublicBaseUrl publicUrl,
        IDataProtectionProvider dataProtection,
        IEventDeduplicator seen,
        SlackApiClient api,
        ISlackInstallationStore installations,
        SlackTokens tokens,
        WorkspaceAllowList workspaces,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var language = LanguageScope.Use(BrowserLanguage(http));
        var logger = loggers.CreateLogger(typeof(SlackInstall).FullName!);
        var o = options.Value;
        if (!o.UsesOAuth)
        {
            return Page(StatusCodes.Status404NotFound, InstallPageStrings.Get("Install.NotOffered.Title"), InstallPageStrings.Get("Install.NotOffered.Finish"));
        }

        var query = http.Request.Query;
        var cookie = http.Request.Cookies[StateCookie];
        http.Response.Cookies.Delete(StateCookie, new CookieOptions { Path = "/slack" });
        if (query["error"].ToString() is { Length: > 0 })
        {
            return Page(StatusCodes.Status200OK, InstallPageStrings.Get("Install.Cancelled.Title"), InstallPageStrings.Get("Install.Cancelled.Message"));
        }

        if (!StateMatches(dataProtection, cookie, query["state"].ToString()) ||
            !await seen.TryClaimAsync("slack-oauth-state:" + query["state"], StateLifetime * 2, http.RequestAborted).ConfigureAwait(false))
        {
            LogStateRefused(logger);
            return Page(StatusCodes.Status400BadRequest, InstallPageStrings.Get("Install.Expired.Title"), InstallPageStrings.Get("Install.Expired.Message"));
        }

        var code = query["code"].ToString();
        if (code.Length is 0 or > 512)
        {
            return Page(StatusCodes.Status400BadRequest, InstallPageStrings.Get("Install.NoCode.Title"), InstallPageStrings.Get("Install.StartAgain"));
        }

        var access = await api.OAuthAccessAsync(o.ClientId.Trim(), o.ClientSecret.Trim(), code, RedirectUri(publicUrl), http.RequestAborted).ConfigureAwait(false);
        var botToken = access.Text("access_token");
        if (!access.Ok || botToken is null || !botToken.StartsWith("xoxb-", StringComparison.Ordinal))
        {
            return Page(StatusCodes.Status502BadGateway, InstallPageStrings.Get("Install.Failed.Title"),
                InstallPageStrings.Format("Install.Failed.Message", access.Error ?? InstallPageStrings.Get("Install.Failed.NoBotToken")));
        }

        var team = access.Body["team"] as JsonObject;
        var enterprise = access.Body["enterprise"] as JsonObject;
        var orgWide = access.Body["is_enterprise_install"] is JsonValue v && v.TryGetValue<bool>(out var isOrg) && isOrg;
        var teamId = team?["id"]?.GetValue<string>();
        var enterpriseId = enterprise?["id"]?.GetValue<string>();
        if ((orgWide && enterpriseId is null) || (!orgWide && teamId is null))
        {
            return Page(StatusCodes.Status502BadGateway, InstallPageStrings.Get("Install.NoPlace.Title"), InstallPageStrings.Get("Install.StartAgain"));
        }

        // An org-wide install covers every workspace of the org, so only a listed enterprise may make one.
        if (!workspaces.Allows(enterpriseId, orgWide ? null : teamId))
        {
            // Slack has already issued the token: give it back, so that not even Slack's side keeps an installation.
            var revoked = await api.RevokeAsync(botToken, http.RequestAborted).ConfigureAwait(false);
            LogNotAllowed(logger, orgWide ? "none" : teamId!, enterpriseId, revoked.Ok);
            return Page(StatusCodes.Status403Forbidden, InstallPageStrings.Get("Install.NotAllowed.Title"), InstallPageStrings.Get("Install.NotAllowed.Message"));
        }

        var identity = await api.AuthTestAsync(botToken, http.RequestAborted).ConfigureAwait(false);
        var installation = new SlackInstallation(
            TeamId: teamId,
            EnterpriseId: enterpriseId,
            IsEnterpriseInstall: orgWide,
            ProtectedBotToken: tokens.Protect(botToken),
            BotUserId: access.Text("bot_user_id"),
            BotId: identity.Ok ? identity.Text("bot_id") : null,
            AppId: access.Text("app_id"),
            Scopes: access.Text("scope") ?? "",
            InstallerUserId: (access.Body["authed_user"] as JsonObject)?["id"]?.GetValue<string>(),
            InstalledAt: time.GetUtcNow());
        await installations.SaveAsync(installation, http.RequestAborted).ConfigureAwait(false);
        LogInstalled(logger, installation.Key);

        var name = (orgWide ? enterprise?["name"] : team?["name"])?.GetValue<string>() ?? InstallPageStrings.Get("Install.Done.YourWorkspace");
        return Page(StatusCodes.Status200OK, InstallPageStrings.Get("Install.Done.Title"), InstallPageStrings.Format("Install.Done.Message", name));
    }

    private static bool StateMatches(IDataProtectionProvider dataProtection, string? cookie, string state)
    {
        if (string.IsNullOrEmpty(cookie) || state.Length is 0 or > 100)
        {
            return false;
        }

        try
        {
            var expected = Encoding.UTF8.GetBytes(Protector(dataProtection).Unprotect(cookie));
            return CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(state));
        }
        catch (CryptographicException)
        {
            // Tampered with, from another deployment, or older than ten minutes.
            return false;
        }
    }

    private static ITimeLimitedDataProtector Protector(IDataProtectionProvider dataProtection) =>
        dataProtection.CreateProtector("OneTimeBot.Slack.OAuthState.v1").ToTimeLimitedDataProtector();

    private static Uri RedirectUri(IPublicBaseUrl publicUrl) => new(publicUrl.BaseUri, "slack/oauth_redirect");

    private static CultureInfo BrowserLanguage(HttpContext http) => Languages.FromAcceptLanguage(http.Request.Headers.AcceptLanguage.ToString());

    /// <summary>A page in the current UI culture, whose <c>lang</c> says which language that is.</summary>
    private static IResult Page(int status, string title, string message)
    {
        var html = new HtmlWriter().Doctype()
            .Open("html", ("lang", Languages.From(CultureInfo.CurrentUICulture.Name).TwoLetterISOLanguageName))
            .Open("head")
            .Open("meta", ("charset", "utf-8"))
            .Open("meta", ("name", "viewport"), ("content", "width=device-width, initial-scale=1")).Line()
            .Open("meta", ("name", "robots"), ("content", "noindex"))
            .Element("title", title + " · OneTimeBot")
            .Close("head").Line()
            .Open("body", ("style", "font-family: system-ui, sans-serif; max-width: 40rem; margin-block: 3rem; margin-inline: auto; padding: 0 1rem; line-height: 1.5")).Line()
            .Open("main").Element("h1", title).Element("p", message).Close("main").Line()
            .Close("body").Close("html").Line();
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Slack OAuth redirect: the state did not match this browser's, had expired or was used before")]
    private static partial void LogStateRefused(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused to install the Slack app into team {Team}, enterprise {Enterprise}: not in Slack:AllowedTeams or Slack:AllowedEnterprises. Nothing stored; token revoked: {Revoked}")]
    private static partial void LogNotAllowed(ILogger logger, string team, string? enterprise, bool revoked);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack app installed: {Installation}")]
    private static partial void LogInstalled(ILogger logger, string installation);
}
