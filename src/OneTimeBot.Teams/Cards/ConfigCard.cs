using System.Text.Json.Nodes;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Workspaces;
using OneTimeSecret.Client;

namespace OneTimeBot.Teams.Cards;

/// <summary>
/// The organisation's settings card, for the admins listed in configuration: secret service (embedded, a region or a
/// URL, as the operator allows), account, API token (write-only: the card only says whether one is set), default and
/// longest expiry. Shown again after a mistake, it holds what the admin typed, all but the token.
/// </summary>
public static class ConfigCard
{
    public const string CustomUrlInput = "customUrl";
    public const string ClearTokenInput = "clearToken";
    private const string Custom = BackendChoices.Custom;

    public static JsonObject Build(SettingsForm form, SharingError? error = null, FormValues? typed = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        var settings = form.Settings;
        string Typed(string id, string stored) => typed is null ? stored : typed[id] ?? "";
        var body = new JsonArray { AdaptiveCard.Title("⚙️ OneTimeBot settings for this organisation") };
        if (error is not null)
        {
            body.Add(AdaptiveCard.Text($"⚠️ {error.Message} {error.Hint}", color: "Attention"));
        }

        var pinned = settings.PinnedFields;
        if (!pinned.Contains(WorkspaceSettings.BackendField))
        {
            body.Add(Choice(WorkspaceSettings.BackendField, "Secret service", Typed(WorkspaceSettings.BackendField, BackendChoices.Current(settings)), [.. form.BackendChoices]));
            if (form.OwnServersAllowed is not null || BackendChoices.CustomUrl(settings) is not null)
            {
                body.Add(TextInput(CustomUrlInput, $"Custom server URL (for \"Your own server\"; allowed: {form.OwnServersAllowed ?? "none"})",
                    Typed(CustomUrlInput, BackendChoices.CustomUrl(settings) ?? "")));
            }
        }

        if (!pinned.Contains(WorkspaceSettings.UsernameField))
        {
            body.Add(TextInput(WorkspaceSettings.UsernameField, "Account username (empty: anonymous)", Typed(WorkspaceSettings.UsernameField, settings.Username ?? "")));
        }

        if (!pinned.Contains(WorkspaceSettings.ApiTokenField))
        {
            body.Add(new JsonObject
            {
                ["type"] = "Input.Text", ["id"] = WorkspaceSettings.ApiTokenField, ["style"] = "Password", ["maxLength"] = 512,
                ["label"] = settings.HasApiToken ? "API token (a token is set; leave empty to keep it)" : "API token (none is set)",
                ["placeholder"] = "Sent only to the secret service it is entered for; changing the service removes it",
            });
            if (settings.HasApiToken)
            {
                body.Add(new JsonObject { ["type"] = "Input.Toggle", ["id"] = ClearTokenInput, ["title"] = "Remove the stored API token", ["valueOn"] = "true", ["valueOff"] = "false", ["value"] = "false" });
            }
        }

        var longest = TimeSpan.FromDays(30);
        if (!pinned.Contains(WorkspaceSettings.DefaultTtlField))
        {
            body.Add(Choice(WorkspaceSettings.DefaultTtlField, "Default expiry", Typed(WorkspaceSettings.DefaultTtlField, ExpiryChoices.ValueFor(settings.DefaultTtl)), [.. ExpiryChoices.UpTo(longest, settings.DefaultTtl)]));
        }

        if (!pinned.Contains(WorkspaceSettings.MaxTtlField))
        {
            body.Add(Choice(WorkspaceSettings.MaxTtlField, "Longest expiry allowed", Typed(WorkspaceSettings.MaxTtlField, ExpiryChoices.ValueFor(settings.MaxTtl)), [.. ExpiryChoices.UpTo(longest, settings.MaxTtl)]));
        }

        if (pinned.Count > 0)
        {
            body.Add(AdaptiveCard.Text("Fixed by the server's configuration: " + string.Join(", ", pinned.Order(StringComparer.Ordinal).Select(BackendChoices.Describe)) + ".", subtle: true, size: "Small"));
        }

        return AdaptiveCard.Card("OneTimeBot settings for this organisation", body,
            [AdaptiveCard.Submit("Save", new JsonObject { [CardActions.Key] = CardActions.SaveConfig }, "positive")]);
    }

    public static (WorkspaceSettingsChange? Change, SharingError? Error) Read(FormValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var backend = values[WorkspaceSettings.BackendField];
        if (backend == Custom)
        {
            backend = values[CustomUrlInput];
            if (backend is null)
            {
                return (null, new SharingError(SharingErrorKind.InvalidInput, "Give the address of your own server.", "e.g. https://secrets.example.com", CustomUrlInput));
            }
        }

        TimeSpan? Ttl(string id) => values[id] is { } v && Core.Sharing.Ttl.TryParse(v, out var t) ? t : null;
        return (new WorkspaceSettingsChange(
            Backend: backend,
            Username: values[WorkspaceSettings.UsernameField] ?? (values[WorkspaceSettings.BackendField] is null ? null : ""),
            ApiToken: SecretText.FromOptional(values[WorkspaceSettings.ApiTokenField]),
            ClearApiToken: values[ClearTokenInput] == "true",
            DefaultTtl: Ttl(WorkspaceSettings.DefaultTtlField),
            MaxTtl: Ttl(WorkspaceSettings.MaxTtlField)), null);
    }

    public static JsonObject Saved(WorkspaceSettings settings) => AdaptiveCard.Card("OneTimeBot's settings are saved.",
    [
        AdaptiveCard.Title("✅ OneTimeBot's settings are saved"),
        AdaptiveCard.Facts(
            ("Secret service", settings.IsEmbedded ? "this OneTimeBot (embedded)" : settings.Backend),
            ("Account", (settings.Username ?? "anonymous") + (settings.HasApiToken ? " (token set)" : "")),
            ("Default expiry", Core.Sharing.Ttl.Format(settings.DefaultTtl)),
            ("Longest expiry", Core.Sharing.Ttl.Format(settings.MaxTtl))),
    ]);

    private static JsonObject TextInput(string id, string label, string value) => new()
    {
        ["type"] = "Input.Text", ["id"] = id, ["label"] = label, ["value"] = value, ["maxLength"] = 500,
    };

    private static JsonObject Choice(string id, string label, string value, params (string Value, string Label)[] choices) => new()
    {
        ["type"] = "Input.ChoiceSet", ["id"] = id, ["label"] = label, ["style"] = "compact", ["value"] = value,
        ["choices"] = new JsonArray(choices.Select(c => (JsonNode?)new JsonObject { ["title"] = c.Label, ["value"] = c.Value }).ToArray()),
    };
}
