using System.Text.Json.Nodes;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Slack.BlockKit;
using OneTimeSecret.Client;

namespace OneTimeBot.Slack.Views;

/// <summary>
/// The workspace settings modal for admins: the backend (embedded, a region or a custom URL), the account's username,
/// its API token (write-only: the modal only says whether one is set), and the default and longest expiry. Fields
/// the server's configuration pins are shown as fixed instead of offered.
/// </summary>
public static class ConfigModal
{
    public const string CallbackId = "workspace_config";
    public const string CustomUrlBlock = "custom_url";
    public const string ClearTokenBlock = "clear_token";
    private const string Custom = BackendChoices.Custom;
    private const string ClearToken = "clear";

    public static JsonObject Build(SettingsForm form, ViewMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(form);
        var settings = form.Settings;
        var blocks = new JsonArray
        {
            Blocks.Section("Where this workspace's secrets are stored, with which Onetime Secret account, and for how long."),
        };
        var pinned = settings.PinnedFields;

        if (!pinned.Contains(WorkspaceSettings.BackendField))
        {
            blocks.Add(Inputs.Select(WorkspaceSettings.BackendField, "Secret service", form.BackendChoices, BackendChoices.Current(settings)));
            if (form.OwnServersAllowed is not null || BackendChoices.CustomUrl(settings) is not null)
            {
                blocks.Add(Inputs.Text(CustomUrlBlock, "Custom server URL", optional: true, initial: BackendChoices.CustomUrl(settings),
                    placeholder: "https://secrets.example.com",
                    hint: $"Only for \"Your own server\": its https address. Allowed: {form.OwnServersAllowed ?? "none"}.", maxLength: 500));
            }
        }

        if (!pinned.Contains(WorkspaceSettings.UsernameField))
        {
            blocks.Add(Inputs.Text(WorkspaceSettings.UsernameField, "Account username", optional: true, initial: settings.Username,
                hint: "The account's email or customer id. Empty: share anonymously.", maxLength: 254));
        }

        if (!pinned.Contains(WorkspaceSettings.ApiTokenField))
        {
            blocks.Add(Inputs.Text(WorkspaceSettings.ApiTokenField, "API token", optional: true, maxLength: 512,
                hint: (settings.HasApiToken ? "A token is set. Leave this empty to keep it; it is never shown." : "No token is set. It is stored encrypted and never shown again.") +
                      " A token is only sent to the secret service it was entered for: changing the service removes it unless you enter one here."));
            if (settings.HasApiToken)
            {
                blocks.Add(Inputs.Checkbox(ClearTokenBlock, "Stored token", ClearToken, "Remove the stored API token"));
            }
        }

        if (!pinned.Contains(WorkspaceSettings.DefaultTtlField))
        {
            blocks.Add(Inputs.Select(WorkspaceSettings.DefaultTtlField, "Default expiry", Inputs.ExpiriesUpTo(TimeSpan.FromDays(30), settings.DefaultTtl), Inputs.InitialValue(settings.DefaultTtl)));
        }

        if (!pinned.Contains(WorkspaceSettings.MaxTtlField))
        {
            blocks.Add(Inputs.Select(WorkspaceSettings.MaxTtlField, "Longest expiry allowed", Inputs.ExpiriesUpTo(TimeSpan.FromDays(30), settings.MaxTtl), Inputs.InitialValue(settings.MaxTtl)));
        }

        if (pinned.Count > 0)
        {
            blocks.Add(Blocks.Context("Fixed by the server's configuration: " + string.Join(", ", pinned.Order(StringComparer.Ordinal).Select(BackendChoices.Describe)) + "."));
        }

        return Inputs.Modal(CallbackId, "OneTimeBot settings", "Save", metadata, blocks);
    }

    /// <summary>The change, or the error of the field the admin must fix.</summary>
    public static (WorkspaceSettingsChange? Change, SharingError? Error) Read(ViewValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var backend = values.Selected(WorkspaceSettings.BackendField);
        if (backend == Custom)
        {
            backend = values.Text(CustomUrlBlock);
            if (backend is null)
            {
                return (null, new SharingError(SharingErrorKind.InvalidInput, "Give the address of your own server.", "e.g. https://secrets.example.com", CustomUrlBlock));
            }
        }

        TimeSpan? Ttl(string block) => values.Selected(block) is { } v && Core.Sharing.Ttl.TryParse(v, out var t) ? t : null;

        return (new WorkspaceSettingsChange(
            Backend: backend,
            // An emptied field clears the username; a field the modal did not show (pinned) leaves it alone.
            Username: values.Has(WorkspaceSettings.UsernameField) ? values.Text(WorkspaceSettings.UsernameField) ?? "" : null,
            ApiToken: SecretText.FromOptional(values.Text(WorkspaceSettings.ApiTokenField)),
            ClearApiToken: values.Checked(ClearTokenBlock, ClearToken),
            DefaultTtl: Ttl(WorkspaceSettings.DefaultTtlField),
            MaxTtl: Ttl(WorkspaceSettings.MaxTtlField)), null);
    }

    /// <summary>
    /// The block an error of a settings field is shown beside: a refused server of the admin's own beside the address
    /// they typed, where they will fix it.
    /// </summary>
    public static string BlockFor(string? field, ViewValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return field == WorkspaceSettings.BackendField && values.Selected(WorkspaceSettings.BackendField) == Custom && values.Has(CustomUrlBlock)
            ? CustomUrlBlock
            : BlockFor(field);
    }

    private static string BlockFor(string? field) => field switch
    {
        WorkspaceSettings.BackendField or WorkspaceSettings.UsernameField or WorkspaceSettings.ApiTokenField or
            WorkspaceSettings.DefaultTtlField or WorkspaceSettings.MaxTtlField or CustomUrlBlock => field,
        _ => WorkspaceSettings.BackendField,
    };
}
