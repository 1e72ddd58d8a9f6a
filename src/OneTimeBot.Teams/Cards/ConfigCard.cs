using System.Text.Json.Nodes;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Expiry;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Workspaces;
using OneTimeSecret.Client;

namespace OneTimeBot.Teams.Cards;

/// <summary>
/// The organisation's settings card, for the admins listed in configuration: secret service (embedded, a region or a
/// URL, as the operator allows), account, API token (write-only: the card only says whether one is set), default and
/// longest expiry, and whether people are told when their links are opened. Shown again after a mistake, it holds what
/// the admin typed, all but the token.
/// </summary>
public static class ConfigCard
{
    public static JsonObject Build(SettingsForm form, SharingError? error = null, FormValues? typed = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        var settings = form.Settings;
        string Typed(string id, string stored) => typed is null ? stored : typed[id] ?? "";
        var body = new JsonArray { AdaptiveCard.Title("⚙️ OneTimeBot settings for this organisation") };
        FormCards.AddError(body, error);
        var pinned = settings.PinnedFields;
        if (!pinned.Contains(SettingsFields.Backend))
        {
            body.Add(Choice(SettingsFields.Backend, "Secret service", Typed(SettingsFields.Backend, BackendChoices.Current(settings)), [.. form.BackendChoices]));
            if (form.OwnServersAllowed is not null || BackendChoices.CustomUrl(settings) is not null)
            {
                body.Add(TextInput(SettingsFields.CustomUrl, $"Custom server URL (for \"Your own server\"; allowed: {form.OwnServersAllowed ?? "none"})",
                    Typed(SettingsFields.CustomUrl, BackendChoices.CustomUrl(settings) ?? "")));
            }
        }

        if (!pinned.Contains(SettingsFields.Username))
        {
            body.Add(TextInput(SettingsFields.Username, "Account username (empty: anonymous)", Typed(SettingsFields.Username, settings.Username ?? "")));
        }

        if (!pinned.Contains(SettingsFields.ApiToken))
        {
            body.Add(new JsonObject
            {
                ["type"] = "Input.Text", ["id"] = SettingsFields.ApiToken, ["style"] = "Password", ["maxLength"] = 512,
                ["label"] = settings.HasApiToken ? "API token (a token is set; leave empty to keep it)" : "API token (none is set)",
                ["placeholder"] = "Sent only to the secret service it is entered for; changing the service removes it",
            });
            if (settings.HasApiToken)
            {
                body.Add(new JsonObject { ["type"] = "Input.Toggle", ["id"] = SettingsFields.ClearToken, ["title"] = "Remove the stored API token", ["valueOn"] = "true", ["valueOff"] = "false", ["value"] = "false" });
            }
        }

        var longest = TimeSpan.FromDays(30);
        if (!pinned.Contains(SettingsFields.DefaultTtl))
        {
            body.Add(Choice(SettingsFields.DefaultTtl, "Default expiry", Typed(SettingsFields.DefaultTtl, ExpiryChoices.ValueFor(settings.DefaultTtl)), [.. ExpiryChoices.UpTo(longest, settings.DefaultTtl)]));
        }

        if (!pinned.Contains(SettingsFields.MaxTtl))
        {
            body.Add(Choice(SettingsFields.MaxTtl, "Longest expiry allowed", Typed(SettingsFields.MaxTtl, ExpiryChoices.ValueFor(settings.MaxTtl)), [.. ExpiryChoices.UpTo(longest, settings.MaxTtl)]));
        }

        if (!pinned.Contains(SettingsFields.NotifyOwners))
        {
            body.Add(new JsonObject
            {
                ["type"] = "Input.Toggle", ["id"] = SettingsFields.NotifyOwners, ["title"] = "Tell people when their links are opened, burned or expire unopened", ["wrap"] = true,
                ["valueOn"] = "true", ["valueOff"] = "false", ["value"] = Typed(SettingsFields.NotifyOwners, settings.NotifyOwners ? "true" : "false"),
            });
            body.Add(AdaptiveCard.Text("Each person can still turn these messages off or on for themselves with notify off or notify on.", subtle: true, size: "Small"));
        }

        if (pinned.Count > 0)
        {
            body.Add(AdaptiveCard.Text("Fixed by the server's configuration: " + string.Join(", ", pinned.Order(StringComparer.Ordinal).Select(BackendChoices.Describe)) + ".", subtle: true, size: "Small"));
        }

        // Teams leaves an emptied input out of what it sends; the list of inputs the card showed tells it from one not shown.
        var shown = string.Join(' ', body.OfType<JsonObject>().Select(e => e["id"]?.GetValue<string>()).OfType<string>());
        return AdaptiveCard.Card("OneTimeBot settings for this organisation", body,
            [AdaptiveCard.Submit("Save", new JsonObject { [CardActions.Key] = CardActions.SaveConfig, [CardActions.ShownInputsKey] = shown }, "positive")]);
    }

    public static JsonObject Saved(WorkspaceSettings settings) => AdaptiveCard.Card("OneTimeBot's settings are saved.",
    [
        AdaptiveCard.Title("✅ OneTimeBot's settings are saved"),
        AdaptiveCard.Facts(
            ("Secret service", settings.IsEmbedded ? "this OneTimeBot (embedded)" : settings.Backend),
            ("Account", (settings.Username ?? "anonymous") + (settings.HasApiToken ? " (token set)" : "")),
            ("Default expiry", Core.Expiry.Ttl.Format(settings.DefaultTtl)),
            ("Longest expiry", Core.Expiry.Ttl.Format(settings.MaxTtl)),
            ("Messages about links", settings.NotifyOwners ? "on, unless a person turned them off" : "off, unless a person turned them on")),
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
