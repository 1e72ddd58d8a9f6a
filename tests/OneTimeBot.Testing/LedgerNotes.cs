using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using OneTimeBot.Core.Sharing;

namespace OneTimeBot.Testing;

/// <summary>What the ledger learns from the places tests see values in: answers, headers, settings and replies.</summary>
public static partial class LedgerNotes
{
    /// <summary>
    /// A Onetime Secret v1 answer (from the embedded service or a fake one): its <c>secret_key</c>s and
    /// <c>metadata_key</c>s, the <c>value</c> a generate or reveal answer carries, and every link in it.
    /// </summary>
    public static void NoteServiceAnswer(this LedgerFolder? ledger, string json, bool generated)
    {
        if (ledger is null || Parse(json) is not { } document)
        {
            return;
        }

        using (document)
        {
            Walk(document.RootElement, null, (name, text) =>
            {
                var kind = name switch
                {
                    "secret_key" => LedgerKind.SecretKey,
                    "metadata_key" => LedgerKind.MetadataKey,
                    "value" => generated ? LedgerKind.Generated : LedgerKind.Secret,
                    _ => (LedgerKind?)null,
                };
                if (kind is { } known)
                {
                    ledger.Note(known, text);
                }

                ledger.NoteLinksIn(text);
            });
        }
    }

    /// <summary>Every secret or receipt link in a reply, a page or a message, and the key it carries.</summary>
    public static void NoteLinksIn(this LedgerFolder? ledger, string? text)
    {
        if (ledger is null || string.IsNullOrEmpty(text))
        {
            return;
        }

        foreach (Match link in Link().Matches(text))
        {
            ledger.Note(LedgerKind.Link, link.Value);
            ledger.Note(link.Groups["page"].Value == "secret" ? LedgerKind.SecretKey : LedgerKind.MetadataKey, link.Groups["key"].Value);
        }

        if (text.Contains("receipt", StringComparison.OrdinalIgnoreCase) && Parse(text) is { } document)
        {
            using (document)
            {
                NoteReceiptIds(ledger, document.RootElement);
            }
        }
    }

    /// <summary>
    /// The receipt ids in a reply: a Slack button whose <c>action_id</c> starts with <c>receipt_</c> (Check status, Burn)
    /// carries one as its value, a Teams card's submit data as <c>receiptId</c>, a Slack modal's metadata (JSON in a
    /// string) as <c>receipt_id</c>.
    /// </summary>
    private static void NoteReceiptIds(LedgerFolder ledger, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (element.TryGetProperty("action_id", out var action) && action.ValueKind == JsonValueKind.String &&
                    action.GetString()!.StartsWith("receipt_", StringComparison.Ordinal) &&
                    element.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String)
                {
                    NoteReceiptId(ledger, value.GetString());
                }

                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name is "receiptId" or "receipt_id" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        NoteReceiptId(ledger, property.Value.GetString());
                    }
                    else
                    {
                        NoteReceiptIds(ledger, property.Value);
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    NoteReceiptIds(ledger, item);
                }

                break;
            case JsonValueKind.String when element.GetString() is { } text && text.StartsWith('{') && text.Contains("receipt", StringComparison.Ordinal):
                using (var inner = Parse(text))
                {
                    if (inner is not null)
                    {
                        NoteReceiptIds(ledger, inner.RootElement);
                    }
                }

                break;
            default:
                break;
        }
    }

    // Only what has the shape of a receipt id (TimeOrderedIds): a fuzz test's button may carry a word such as "nothing",
    // which the host rightly prints when it refuses it.
    private static void NoteReceiptId(LedgerFolder ledger, string? value)
    {
        if (value is { Length: TimeOrderedIds.Length } && value.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c)))
        {
            ledger.Note(LedgerKind.ReceiptId, value);
        }
    }

    /// <summary>The tokens and client secrets in a JSON or form body a fake Slack or login server sent or received.</summary>
    public static void NoteCredentialsIn(this LedgerFolder? ledger, string? body)
    {
        if (ledger is null || string.IsNullOrWhiteSpace(body))
        {
            return;
        }

        void NoteField(string? name, string? value)
        {
            if (name is not null && CredentialFields.TryGetValue(name, out var kind))
            {
                ledger.Note(kind, value);
            }
        }

        if (body.TrimStart().StartsWith('{'))
        {
            using var document = Parse(body);
            if (document is not null)
            {
                Walk(document.RootElement, null, NoteField);
            }

            return;
        }

        foreach (var (name, value) in QueryHelpers.ParseQuery(body))
        {
            NoteField(name, value.ToString());
        }
    }

    /// <summary>The credentials of an <c>Authorization</c> header: a bearer token, or a Basic pair and its password.</summary>
    public static void NoteAuthorization(this LedgerFolder? ledger, string? header)
    {
        if (ledger is null || header?.Split(' ', 2, StringSplitOptions.TrimEntries) is not [var scheme, { Length: > 0 } parameter])
        {
            return;
        }

        ledger.Note(LedgerKind.Token, parameter);
        if (scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
                ledger.Note(LedgerKind.Token, pair[(pair.IndexOf(':', StringComparison.Ordinal) + 1)..]);
            }
            catch (FormatException)
            {
                // Tests of malformed headers: nothing in them is a credential.
            }
        }
    }

    /// <summary>
    /// The values of settings whose names say they are secret (<c>Slack:SigningSecret</c>, <c>Teams__AppPassword</c>,
    /// <c>SecretServer:EncryptionKey</c>, any <c>…Token</c>), as a test hands them to a host or a child process.
    /// </summary>
    public static void NoteSettings<TValue>(this LedgerFolder? ledger, IEnumerable<KeyValuePair<string, TValue>> settings)
    {
        if (ledger is null)
        {
            return;
        }

        foreach (var (key, value) in settings)
        {
            var name = key.Split([":", "__"], StringSplitOptions.None)[^1];
            if (SecretSettingName().IsMatch(name) && value?.ToString() is { } text && !IsPlainScalar(text))
            {
                ledger.Note(name.EndsWith("Token", StringComparison.OrdinalIgnoreCase) ? LedgerKind.Token : LedgerKind.Credential, text);
            }
        }
    }

    private static readonly Dictionary<string, LedgerKind> CredentialFields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["token"] = LedgerKind.Token,
        ["access_token"] = LedgerKind.Token,
        ["refresh_token"] = LedgerKind.Token,
        ["bot_token"] = LedgerKind.Token,
        ["id_token"] = LedgerKind.Token,
        ["client_assertion"] = LedgerKind.Token,
        ["client_secret"] = LedgerKind.Credential,
        ["signing_secret"] = LedgerKind.Credential,
    };

    // A switch such as "true", or a number, is no secret whatever its setting is called.
    private static bool IsPlainScalar(string text) =>
        bool.TryParse(text, out _) || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static JsonDocument? Parse(string json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Calls <paramref name="visit"/> with every string in the document and the name of the property holding it.</summary>
    private static void Walk(JsonElement element, string? name, Action<string?, string> visit)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, property.Name, visit);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, name, visit);
                }

                break;
            case JsonValueKind.String:
                visit(name, element.GetString()!);
                break;
            default:
                break;
        }
    }

    [GeneratedRegex(@"https?://[^\s""'<>|\\)\]]+?/(?<page>secret|receipt)/(?<key>[A-Za-z0-9]{20,128})(?![A-Za-z0-9])")]
    private static partial Regex Link();

    [GeneratedRegex("(Token|Secret|Password|Passphrase|EncryptionKey|PrivateKey)$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretSettingName();
}
