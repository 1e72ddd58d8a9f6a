using System.Text.Json.Nodes;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Slack.BlockKit;

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
            Blocks.Section("Where this workspace's secrets are stored, with which Onetime Secret account, and for how long."),
        };
        var pinned = settings.PinnedFields;

        if (!pinned.Contains(SettingsFields.Backend))
        {
            blocks.Add(Inputs.Select(SettingsFields.Backend, "Secret service", form.BackendChoices, BackendChoices.Current(settings)));
            if (form.OwnServersAllowed is not null || BackendChoices.CustomUrl(settings) is not null)
            {
                blocks.Add(Inputs.Text(SettingsFields.CustomUrl, "Custom server URL", optional: true, initial: BackendChoices.CustomUrl(settings),
                    placeholder: "https://secrets.example.com",
                    hint: $"Only for \"Your own server\": its https address. Allowed: {form.OwnServersAllowed ?? "none"}.", maxLength: 500));
            }
        }

        if (!pinned.Contains(SettingsFields.Username))
        {
            blocks.Add(Inputs.Text(SettingsFields.Username, "Account username", optional: true, initial: settings.Username,
                hint: "The account's email or customer id. Empty: share anonymously.", maxLength: 254));
        }

        if (!pinned.Contains(SettingsFields.ApiToken))
        {
            blocks.Add(Inputs.Text(SettingsFields.ApiToken, "API token", optional: true, maxLength: 512,
                hint: (settings.HasApiToken ? "A token is set. Leave this empty to keep it; it is never shown." : "No token is set. It is stored encrypted and never shown again.") +
                      " A token is only sent to the secret service it was entered for: changing the service removes it unless you enter one here."));
            if (settings.HasApiToken)
            {
                blocks.Add(Inputs.Checkbox(SettingsFields.ClearToken, "Stored token", "Remove the stored API token"));
            }
        }

        if (!pinned.Contains(SettingsFields.DefaultTtl))
        {
            blocks.Add(Inputs.Select(SettingsFields.DefaultTtl, "Default expiry", Inputs.ExpiriesUpTo(TimeSpan.FromDays(30), settings.DefaultTtl), Inputs.InitialValue(settings.DefaultTtl)));
        }

        if (!pinned.Contains(SettingsFields.MaxTtl))
        {
            blocks.Add(Inputs.Select(SettingsFields.MaxTtl, "Longest expiry allowed", Inputs.ExpiriesUpTo(TimeSpan.FromDays(30), settings.MaxTtl), Inputs.InitialValue(settings.MaxTtl)));
        }

        if (!pinned.Contains(SettingsFields.NotifyOwners))
        {
            blocks.Add(Inputs.Checkbox(SettingsFields.NotifyOwners, "Messages about links", "Tell people when their links are opened, burned or expire unopened",
                ticked: settings.NotifyOwners, hint: "Each person can still turn these messages off or on for themselves with notify off or notify on."));
        }

        if (pinned.Count > 0)
        {
            blocks.Add(Blocks.Context("Fixed by the server's configuration: " + string.Join(", ", pinned.Order(StringComparer.Ordinal).Select(BackendChoices.Describe)) + "."));
        }

        return Inputs.Modal(CallbackId, "OneTimeBot settings", "Save", metadata, blocks);
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
