using System.Globalization;
using System.Text.Json.Nodes;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Expiry;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Workspaces;

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

    public static JsonObject Share(WorkspaceSettings settings, FormValues? typed = null, SharingError? error = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var body = new JsonArray { AdaptiveCard.Title("Share a secret as a one-time link") };
        AddError(body, error);
        body.Add(Secret(error?.Field == SharingError.SecretField));
        body.Add(Expiry(settings, typed?[TtlInput]));
        body.Add(Password(PassphraseInput, "Passphrase (optional)", "Asked for before the secret is shown; tell it to the recipient another way."));
        body.Add(new JsonObject
        {
            ["type"] = "Input.Text", ["id"] = RecipientInput, ["label"] = "Recipient email (optional)", ["style"] = "Email",
            ["value"] = typed?[RecipientInput] ?? "", ["maxLength"] = 254,
        });
        body.Add(AdaptiveCard.Text("The secret goes straight to the secret service; OneTimeBot keeps a receipt, never the secret.", subtle: true, size: "Small"));
        return AdaptiveCard.Card("Share a secret as a one-time link", body, [AdaptiveCard.Submit("Create link", new JsonObject { [CardActions.Key] = CardActions.Share }, "positive")]);
    }

    public static JsonObject Generate(WorkspaceSettings settings, FormValues? typed = null, SharingError? error = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var body = new JsonArray { AdaptiveCard.Title("Generate a password behind a one-time link") };
        AddError(body, error);
        body.Add(Expiry(settings, typed?[TtlInput]));
        body.Add(new JsonObject
        {
            ["type"] = "Input.Number", ["id"] = LengthInput, ["label"] = "Length (characters)",
            ["min"] = SharingRules.MinLength, ["max"] = SharingRules.MaxLength,
            ["value"] = int.TryParse(typed?[LengthInput], NumberStyles.None, CultureInfo.InvariantCulture, out var length) ? length : SharingRules.DefaultLength,
        });
        body.Add(Password(PassphraseInput, "Passphrase (optional)", "Asked for before the password is shown."));
        return AdaptiveCard.Card("Generate a password behind a one-time link", body, [AdaptiveCard.Submit("Generate", new JsonObject { [CardActions.Key] = CardActions.Generate }, "positive")]);
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
        ["label"] = "Secret",
        ["style"] = "Password",
        ["isRequired"] = true,
        ["errorMessage"] = highlight ? "Type or paste the secret again." : "Type or paste the secret you want to share.",
        ["maxLength"] = SharingRules.MaxSecretBytes,
        // A client without the Password style shows a multi-line box instead of nothing.
        ["fallback"] = new JsonObject
        {
            ["type"] = "Input.Text", ["id"] = SecretFallbackInput, ["label"] = "Secret", ["isMultiline"] = true, ["maxLength"] = SharingRules.MaxSecretBytes,
        },
    };

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
            ["label"] = "Link expires after",
            ["style"] = "compact",
            ["isRequired"] = true,
            ["errorMessage"] = "Choose how long the link works.",
            ["value"] = typed is not null && choices.Any(c => c.Value == typed) ? typed : defaultValue,
            ["choices"] = new JsonArray(choices.Select(c => (JsonNode?)new JsonObject { ["title"] = c.Label, ["value"] = c.Value }).ToArray()),
        };
    }
}
