using System.Globalization;
using System.Text.Json.Nodes;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Expiry;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Teams.Localization;

namespace OneTimeBot.Teams.Cards;

/// <summary>
/// The share and generate forms. Shown again after a mistake, a form keeps what the user typed (except the secret
/// and passphrase, which are never sent back to a client) and shows the problem above the inputs.
/// </summary>
public static class FormCards
{
    public const string SecretInput = SharingError.SecretField;
    public const string SecretFallbackInput = SecretInput + "Text";
    public const string TtlInput = SharingError.TtlField;
    public const string PassphraseInput = SharingError.PassphraseField;
    public const string RecipientInput = SharingError.RecipientField;
    public const string LengthInput = SharingError.LengthField;

    /// <summary>The people picker: whom the bot sends the link to. Its value is the person's Azure AD object id.</summary>
    public const string SendToInput = "sendTo";

    /// <summary>The picker's one static choice: nobody, the link comes to the sender (what a host without Teams' people search offers).</summary>
    public const string Nobody = "nobody";

    public static JsonObject Share(WorkspaceSettings settings, FormValues? typed = null, SharingError? error = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var body = new JsonArray { AdaptiveCard.Title(TeamsStrings.Get("Share.Title")) };
        AddError(body, error);
        body.Add(Secret(error?.Field == SharingError.SecretField));
        body.Add(Expiry(settings, typed?[TtlInput]));
        body.Add(Password(PassphraseInput, TeamsStrings.Get("Form.Passphrase"), TeamsStrings.Get("Share.Passphrase.Placeholder")));
        body.Add(SendTo(typed));
        body.Add(new JsonObject
        {
            ["type"] = "Input.Text", ["id"] = RecipientInput, ["label"] = TeamsStrings.Get("Share.Recipient"), ["style"] = "Email",
            ["value"] = typed?[RecipientInput] ?? "", ["maxLength"] = 254,
        });
        body.Add(AdaptiveCard.Text(TeamsStrings.Get("Share.Footer"), subtle: true, size: "Small"));
        return AdaptiveCard.Card(TeamsStrings.Get("Share.Title"), body, [AdaptiveCard.Submit(TeamsStrings.Get("Share.Submit"), new JsonObject { [CardActions.Key] = CardActions.Share }, "positive")]);
    }

    public static JsonObject Generate(WorkspaceSettings settings, FormValues? typed = null, SharingError? error = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var body = new JsonArray { AdaptiveCard.Title(TeamsStrings.Get("Generate.Title")) };
        AddError(body, error);
        body.Add(Expiry(settings, typed?[TtlInput]));
        body.Add(new JsonObject
        {
            ["type"] = "Input.Number", ["id"] = LengthInput, ["label"] = TeamsStrings.Get("Generate.Length"),
            ["min"] = SharingRules.MinLength, ["max"] = SharingRules.MaxLength,
            ["value"] = int.TryParse(typed?[LengthInput], NumberStyles.None, CultureInfo.InvariantCulture, out var length) ? length : SharingRules.DefaultLength,
        });
        body.Add(Password(PassphraseInput, TeamsStrings.Get("Form.Passphrase"), TeamsStrings.Get("Generate.Passphrase.Placeholder")));
        body.Add(SendTo(typed));
        return AdaptiveCard.Card(TeamsStrings.Get("Generate.Title"), body, [AdaptiveCard.Submit(TeamsStrings.Get("Generate.Submit"), new JsonObject { [CardActions.Key] = CardActions.Generate }, "positive")]);
    }

    /// <summary>Above a form shown again: what was wrong with what the user typed, and how to fix it.</summary>
    internal static void AddError(JsonArray body, SharingError? error)
    {
        if (error is not null)
        {
            body.Add(AdaptiveCard.Text("⚠️ " + SecretCardText.Fallback(error), color: "Attention"));
        }
    }

    internal static JsonObject Secret(bool highlight) => new()
    {
        ["type"] = "Input.Text",
        ["id"] = SecretInput,
        ["label"] = TeamsStrings.Get("Form.Secret"),
        ["style"] = "Password",
        ["isRequired"] = true,
        ["errorMessage"] = highlight ? TeamsStrings.Get("Form.Secret.Again") : TeamsStrings.Get("Form.Secret.Missing"),
        ["maxLength"] = SharingRules.MaxSecretBytes,
        // A client without the Password style shows a multi-line box instead of nothing.
        ["fallback"] = new JsonObject
        {
            ["type"] = "Input.Text", ["id"] = SecretFallbackInput, ["label"] = TeamsStrings.Get("Form.Secret"), ["isMultiline"] = true, ["maxLength"] = SharingRules.MaxSecretBytes,
        },
    };

    /// <summary>
    /// Teams' own people search (<c>Data.Query</c> over <c>graph.microsoft.com/users</c>, the whole organisation, in
    /// the bot's chat and in dialogs): the value is the person's Azure AD object id, and a form shown again keeps the
    /// person picked. A choice set needs one static choice; "nobody" is the one that makes sense wherever it shows: as
    /// the only option of a host without Teams' people search, and in Teams as a profile found only by its own name.
    /// The Adaptive Card schema dates <c>choices.data</c> 1.6; Teams honours it in the 1.5 cards it renders
    /// (https://learn.microsoft.com/en-us/microsoftteams/platform/task-modules-and-cards/cards/people-picker).
    /// </summary>
    private static JsonObject SendTo(FormValues? typed)
    {
        var picker = new JsonObject
        {
            ["type"] = "Input.ChoiceSet",
            ["id"] = SendToInput,
            ["label"] = TeamsStrings.Get("Form.SendTo"),
            ["placeholder"] = TeamsStrings.Get("Form.PeoplePlaceholder"),
            ["isMultiSelect"] = false,
            ["choices"] = new JsonArray(new JsonObject { ["title"] = TeamsStrings.Get("Form.SendTo.Nobody"), ["value"] = Nobody }),
            ["choices.data"] = new JsonObject { ["type"] = "Data.Query", ["dataset"] = "graph.microsoft.com/users" },
        };
        if (PickedPerson(typed?[SendToInput]) is { } picked)
        {
            picker["value"] = picked;
        }

        return picker;
    }

    /// <summary>A picked person's Azure AD object id, in the form Teams submits it; null for anything else (nobody included).</summary>
    public static string? PickedPerson(string? value) =>
        Guid.TryParseExact(value?.Trim(), "D", out var id) ? id.ToString("D") : null;

    internal static JsonObject Password(string id, string label, string placeholder) => new()
    {
        ["type"] = "Input.Text", ["id"] = id, ["label"] = label, ["style"] = "Password", ["placeholder"] = placeholder, ["maxLength"] = SharingRules.MaxPassphrase,
    };

    internal static JsonObject Expiry(WorkspaceSettings settings, string? typed)
    {
        var choices = ExpiryChoices.UpTo(settings.MaxTtl, settings.DefaultTtl);
        var defaultValue = ExpiryChoices.ValueFor(settings.DefaultTtl);
        return new JsonObject
        {
            ["type"] = "Input.ChoiceSet",
            ["id"] = TtlInput,
            ["label"] = TeamsStrings.Get("Form.Expiry"),
            ["style"] = "compact",
            ["isRequired"] = true,
            ["errorMessage"] = TeamsStrings.Get("Form.Expiry.Missing"),
            ["value"] = typed is not null && choices.Any(c => c.Value == typed) ? typed : defaultValue,
            ["choices"] = new JsonArray(choices.Select(c => (JsonNode?)new JsonObject { ["title"] = c.Label, ["value"] = c.Value }).ToArray()),
        };
    }
}
