using System.Text.Json.Nodes;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Expiry;
using OneTimeBot.Core.Localization;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Teams.Localization;
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
        var body = new JsonArray { AdaptiveCard.Title("⚙️ " + TeamsStrings.Get("Config.Title")) };
        FormCards.AddError(body, error);
        var pinned = settings.PinnedFields;
        if (!pinned.Contains(SettingsFields.Backend))
        {
            body.Add(Choice(SettingsFields.Backend, TeamsStrings.Get("Config.Backend"), Typed(SettingsFields.Backend, BackendChoices.Current(settings)), [.. form.BackendChoices]));
            if (form.OwnServersAllowed is not null || BackendChoices.CustomUrl(settings) is not null)
            {
                body.Add(TextInput(SettingsFields.CustomUrl, TeamsStrings.Format("Config.CustomUrl", form.OwnServersAllowed ?? TeamsStrings.Get("Config.NoneAllowed")),
                    Typed(SettingsFields.CustomUrl, BackendChoices.CustomUrl(settings) ?? "")));
            }
        }

        if (!pinned.Contains(SettingsFields.Username))
        {
            body.Add(TextInput(SettingsFields.Username, TeamsStrings.Get("Config.Username"), Typed(SettingsFields.Username, settings.Username ?? "")));
        }

        if (!pinned.Contains(SettingsFields.ApiToken))
        {
            body.Add(new JsonObject
            {
                ["type"] = "Input.Text", ["id"] = SettingsFields.ApiToken, ["style"] = "Password", ["maxLength"] = 512,
                ["label"] = settings.HasApiToken ? TeamsStrings.Get("Config.ApiToken.Set") : TeamsStrings.Get("Config.ApiToken.None"),
                ["placeholder"] = TeamsStrings.Get("Config.ApiToken.Placeholder"),
            });
            if (settings.HasApiToken)
            {
                body.Add(new JsonObject { ["type"] = "Input.Toggle", ["id"] = SettingsFields.ClearToken, ["title"] = TeamsStrings.Get("Config.ApiToken.Clear"), ["valueOn"] = "true", ["valueOff"] = "false", ["value"] = "false" });
            }
        }

        var longest = TimeSpan.FromDays(30);
        if (!pinned.Contains(SettingsFields.DefaultTtl))
        {
            body.Add(Choice(SettingsFields.DefaultTtl, TeamsStrings.Get("Config.DefaultTtl"), Typed(SettingsFields.DefaultTtl, ExpiryChoices.ValueFor(settings.DefaultTtl)), [.. ExpiryChoices.UpTo(longest, settings.DefaultTtl)]));
        }

        if (!pinned.Contains(SettingsFields.MaxTtl))
        {
            body.Add(Choice(SettingsFields.MaxTtl, TeamsStrings.Get("Config.MaxTtl"), Typed(SettingsFields.MaxTtl, ExpiryChoices.ValueFor(settings.MaxTtl)), [.. ExpiryChoices.UpTo(longest, settings.MaxTtl)]));
        }

        if (!pinned.Contains(SettingsFields.NotifyOwners))
        {
            body.Add(new JsonObject
            {
                ["type"] = "Input.Toggle", ["id"] = SettingsFields.NotifyOwners, ["title"] = TeamsStrings.Get("Config.Notify"), ["wrap"] = true,
                ["valueOn"] = "true", ["valueOff"] = "false", ["value"] = Typed(SettingsFields.NotifyOwners, settings.NotifyOwners ? "true" : "false"),
            });
            body.Add(AdaptiveCard.Text(TeamsStrings.Get("Config.Notify.Hint"), subtle: true, size: "Small"));
        }

        if (pinned.Count > 0)
        {
            body.Add(AdaptiveCard.Text(TeamsStrings.Format("Config.Pinned", string.Join(", ", pinned.Order(StringComparer.Ordinal).Select(BackendChoices.Describe))), subtle: true, size: "Small"));
        }

        // Teams leaves an emptied input out of what it sends; the list of inputs the card showed tells it from one not shown.
        var shown = string.Join(' ', body.OfType<JsonObject>().Select(e => e["id"]?.GetValue<string>()).OfType<string>());
        return AdaptiveCard.Card(TeamsStrings.Get("Config.Title"), body,
            [AdaptiveCard.Submit(TeamsStrings.Get("Config.Save"), new JsonObject { [CardActions.Key] = CardActions.SaveConfig, [CardActions.ShownInputsKey] = shown }, "positive")]);
    }

    public static JsonObject Saved(WorkspaceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var account = settings.Username ?? TeamsStrings.Get("Config.Saved.Anonymous");
        return AdaptiveCard.Card(TeamsStrings.Get("Config.Saved") + ".",
        [
            AdaptiveCard.Title("✅ " + TeamsStrings.Get("Config.Saved")),
            AdaptiveCard.Facts(
                (TeamsStrings.Get("Config.Backend"), settings.IsEmbedded ? TeamsStrings.Get("Config.Saved.Embedded") : settings.Backend),
                (TeamsStrings.Get("Config.Saved.Account"), settings.HasApiToken ? TeamsStrings.Format("Config.Saved.WithToken", account) : account),
                (TeamsStrings.Get("Config.DefaultTtl"), ReaderTime.Duration(settings.DefaultTtl)),
                (TeamsStrings.Get("Config.Saved.MaxTtl"), ReaderTime.Duration(settings.MaxTtl)),
                (TeamsStrings.Get("Config.Saved.Notify"), settings.NotifyOwners ? TeamsStrings.Get("Config.Saved.NotifyOn") : TeamsStrings.Get("Config.Saved.NotifyOff"))),
        ]);
    }

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
