using System.Text.Json.Nodes;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Localization;

namespace OneTimeBot.Slack.Views;

/// <summary>
/// The workspace settings modal for admins: the backend (embedded, a region or a custom URL), the account's username,
/// its API token (write-only: the modal only says whether one is set), the default and longest expiry, and whether
/// people are told when their links are opened. Fields
/// the server's configuration pins are shown as fixed instead of offered.
/// </summary>
public static class ConfigModal
{
    public const string CallbackId = "workspace_config";

    public static JsonObject Build(SettingsForm form, ViewMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(form);
        var settings = form.Settings;
        var blocks = new JsonArray
        {
            Blocks.Section(SlackStrings.Get("Modal.Config.Intro")),
        };
        var pinned = settings.PinnedFields;

        if (!pinned.Contains(SettingsFields.Backend))
        {
            blocks.Add(Inputs.Select(SettingsFields.Backend, SlackStrings.Get("Settings.Service"), form.BackendChoices, BackendChoices.Current(settings)));
            if (form.OwnServersAllowed is not null || BackendChoices.CustomUrl(settings) is not null)
            {
                blocks.Add(Inputs.Text(SettingsFields.CustomUrl, SlackStrings.Get("Modal.Config.CustomUrl"), optional: true, initial: BackendChoices.CustomUrl(settings),
                    placeholder: "https://secrets.example.com",
                    hint: SlackStrings.Format("Modal.Config.CustomUrl.Hint", form.OwnServersAllowed ?? SlackStrings.Get("Modal.Config.CustomUrl.NoneAllowed")), maxLength: 500));
            }
        }

        if (!pinned.Contains(SettingsFields.Username))
        {
            blocks.Add(Inputs.Text(SettingsFields.Username, SlackStrings.Get("Modal.Config.Username"), optional: true, initial: settings.Username,
                hint: SlackStrings.Get("Modal.Config.Username.Hint"), maxLength: 254));
        }

        if (!pinned.Contains(SettingsFields.ApiToken))
        {
            blocks.Add(Inputs.Text(SettingsFields.ApiToken, SlackStrings.Get("Modal.Config.ApiToken"), optional: true, maxLength: 512,
                hint: SlackStrings.Format("Modal.Config.ApiToken.Hint",
                    settings.HasApiToken ? SlackStrings.Get("Modal.Config.ApiToken.Set") : SlackStrings.Get("Modal.Config.ApiToken.NotSet"))));
            if (settings.HasApiToken)
            {
                blocks.Add(Inputs.Checkbox(SettingsFields.ClearToken, SlackStrings.Get("Modal.Config.StoredToken"), SlackStrings.Get("Modal.Config.RemoveToken")));
            }
        }

        if (!pinned.Contains(SettingsFields.DefaultTtl))
        {
            blocks.Add(Inputs.Select(SettingsFields.DefaultTtl, SlackStrings.Get("Settings.DefaultExpiry"), Inputs.ExpiriesUpTo(TimeSpan.FromDays(30), settings.DefaultTtl), Inputs.InitialValue(settings.DefaultTtl)));
        }

        if (!pinned.Contains(SettingsFields.MaxTtl))
        {
            blocks.Add(Inputs.Select(SettingsFields.MaxTtl, SlackStrings.Get("Modal.Config.MaxExpiry"), Inputs.ExpiriesUpTo(TimeSpan.FromDays(30), settings.MaxTtl), Inputs.InitialValue(settings.MaxTtl)));
        }

        if (!pinned.Contains(SettingsFields.NotifyOwners))
        {
            blocks.Add(Inputs.Checkbox(SettingsFields.NotifyOwners, SlackStrings.Get("Settings.Notify"), SlackStrings.Get("Modal.Config.Notify.Option"),
                ticked: settings.NotifyOwners, hint: SlackStrings.Get("Modal.Config.Notify.Hint")));
        }

        if (pinned.Count > 0)
        {
            blocks.Add(Blocks.Context(SlackStrings.Format("Modal.Config.Pinned", string.Join(", ", pinned.Order(StringComparer.Ordinal).Select(BackendChoices.Describe)))));
        }

        return Inputs.Modal(CallbackId, SlackStrings.Get("Modal.Config.Title"), SlackStrings.Get("Modal.Config.Submit"), metadata, blocks);
    }

    /// <summary>
    /// The block an error of a settings field is shown beside: a refused server of the admin's own beside the address
    /// they typed, where they will fix it.
    /// </summary>
    public static string BlockFor(string? field, ViewValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return field == SettingsFields.Backend && values.Text(SettingsFields.Backend) == SettingsFields.CustomBackend && values.Has(SettingsFields.CustomUrl)
            ? SettingsFields.CustomUrl
            : BlockFor(field);
    }

    private static string BlockFor(string? field) => field switch
    {
        SettingsFields.Backend or SettingsFields.Username or SettingsFields.ApiToken or
            SettingsFields.DefaultTtl or SettingsFields.MaxTtl or SettingsFields.CustomUrl or SettingsFields.NotifyOwners => field,
        _ => SettingsFields.Backend,
    };
}
