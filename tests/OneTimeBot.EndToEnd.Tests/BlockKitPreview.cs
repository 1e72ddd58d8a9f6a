using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OneTimeBot.EndToEnd.Tests;

/// <summary>
/// An HTML picture of a Block Kit message as Slack lays it out (header, mrkdwn sections, two-column fields, buttons,
/// context), for screenshots. Slack has no offline renderer; this follows its documented layout, and dates written
/// as &lt;!date^…&gt; are shown the way Slack shows them, in the reader's time zone (here UTC). Slack's own words around
/// a message (and its date words) follow the current UI culture, as a Swedish Slack client shows them in Swedish.
/// </summary>
internal static partial class BlockKitPreview
{
    private static readonly Dictionary<string, string> Emoji = new(StringComparer.Ordinal)
    {
        ["lock"] = "🔒", ["key"] = "🔑", ["eyes"] = "👀", ["fire"] = "🔥", ["hourglass"] = "⌛", ["warning"] = "⚠️",
        ["thinking_face"] = "🤔", ["no_entry"] = "⛔", ["gear"] = "⚙️", ["white_check_mark"] = "✅", ["hourglass_flowing_sand"] = "⏳",
    };

    public static string Html(JsonObject message)
    {
        var body = new StringBuilder();
        foreach (var block in message["blocks"]!.AsArray().OfType<JsonObject>())
        {
            switch (block["type"]!.GetValue<string>())
            {
                case "header":
                    body.Append("<div class=\"header\">").Append(WebUtility.HtmlEncode(Emojify(block["text"]!["text"]!.GetValue<string>()))).Append("</div>");
                    break;
                case "section" when block["fields"] is JsonArray fields:
                    body.Append("<div class=\"fields\">");
                    foreach (var field in fields)
                    {
                        body.Append("<div>").Append(Mrkdwn(field!["text"]!.GetValue<string>())).Append("</div>");
                    }

                    body.Append("</div>");
                    break;
                case "section":
                    body.Append("<div class=\"section\">").Append(Mrkdwn(block["text"]!["text"]!.GetValue<string>())).Append("</div>");
                    break;
                case "context":
                    body.Append("<div class=\"context\">");
                    foreach (var element in block["elements"]!.AsArray())
                    {
                        body.Append(Mrkdwn(element!["text"]!.GetValue<string>()));
                    }

                    body.Append("</div>");
                    break;
                case "actions":
                    body.Append("<div class=\"actions\">");
                    foreach (var button in block["elements"]!.AsArray())
                    {
                        var style = button!["style"]?.GetValue<string>() ?? "default";
                        body.Append(CultureInfo.InvariantCulture, $"<span class=\"button {style}\">{WebUtility.HtmlEncode(button["text"]!["text"]!.GetValue<string>())}</span>");
                    }

                    body.Append("</div>");
                    break;
                case "divider":
                    body.Append("<hr>");
                    break;
            }
        }

        // A chat.postMessage into a DM (it names its channel) is the reader's own message, not an ephemeral one.
        var onlyYou = message["response_type"]?.GetValue<string>() != "in_channel" && message["channel"] is null
            ? $"<div class=\"only-you\">👁 {Chrome("Only visible to you", "Endast synligt för dig")}</div>"
            : "";
        return $$"""
            <!doctype html><html lang="{{Lang}}"><head><meta charset="utf-8"><title>Block Kit preview</title><style>
            body{margin:0;padding:16px;background:#fff;font:15px/1.47 "Lato","Segoe UI",system-ui,sans-serif;color:#1d1c1d}
            #message{width:560px;display:flex;gap:8px}#message>div:last-child{min-width:0;flex:1;overflow-wrap:anywhere}
            .avatar{width:36px;height:36px;border-radius:6px;background:#1f3a5f;color:#fff;display:flex;align-items:center;justify-content:center;flex:none}
            .name{font-weight:900}.name small{font-weight:400;color:#616061;margin-left:6px}
            .only-you{font-size:13px;color:#616061;margin-bottom:4px}
            .header{font-size:18px;font-weight:900;margin:4px 0}
            .section{margin:4px 0}.fields{display:grid;grid-template-columns:1fr 1fr;gap:8px 16px;margin:8px 0}
            .context{font-size:13px;color:#616061;margin:6px 0}
            .actions{display:flex;gap:8px;margin:8px 0}
            .button{border:1px solid #bbb;border-radius:4px;padding:3px 12px;font-weight:700;font-size:14px}
            .button.primary{background:#007a5a;color:#fff;border-color:#007a5a}.button.danger{color:#e01e5a;border-color:#e01e5a}
            code{background:#f6f6f6;border:1px solid #ddd;border-radius:3px;padding:0 3px;color:#e01e5a;font-size:13px}
            .mention{background:#e8f5fa;color:#1264a3;border-radius:3px;padding:0 2px}
            </style></head><body><div id="message"><div class="avatar">🔒</div><div>
            <div class="name">OneTimeBot <small>APP</small></div>{{onlyYou}}{{body}}</div></div></body></html>
            """;
    }

    private static string Mrkdwn(string text)
    {
        // The text is already escaped for mrkdwn (&amp; &lt; &gt;); what is left in angle brackets is Slack markup.
        var html = DateToken().Replace(text, m => SlackDate(DateTimeOffset.FromUnixTimeSeconds(long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).UtcDateTime, m.Groups[2].Value));
        // A mention is shown as Slack shows it, by the person's name; held aside while the rest is escaped.
        html = Mention().Replace(html, m => "\u0001" + (People.TryGetValue(m.Groups[1].Value, out var name) ? name : m.Groups[1].Value) + "\u0002");
        html = html.Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
        html = html.Replace("\u0001", "<span class=\"mention\">@", StringComparison.Ordinal).Replace("\u0002", "</span>", StringComparison.Ordinal);
        html = Bold().Replace(html, "<b>$1</b>");
        html = Code().Replace(html, "<code>$1</code>");
        return Emojify(html).Replace("\n", "<br>", StringComparison.Ordinal);
    }

    /// <summary>A date as Slack shows its tokens: "Nov 18, 2026" and "11:06 AM" in English, "18 nov. 2026" and "11:06" in Swedish.</summary>
    private static string SlackDate(DateTime at, string format) => IsSwedish
        ? format.Replace("{date_short_pretty}", at.ToString("d MMM yyyy", CultureInfo.CurrentCulture), StringComparison.Ordinal)
            .Replace("{time}", at.ToString("HH:mm", CultureInfo.InvariantCulture), StringComparison.Ordinal)
        : format.Replace("{date_short_pretty}", at.ToString("MMM d, yyyy", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{time}", at.ToString("h:mm tt", CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static bool IsSwedish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "sv";

    /// <summary>The page's language, as the reader's Slack client speaks it.</summary>
    private static string Lang => IsSwedish ? "sv" : "en";

    /// <summary>Words Slack's own client shows around the app's blocks, in the reader's language.</summary>
    private static string Chrome(string english, string swedish) => IsSwedish ? swedish : english;

    private static string Emojify(string text) => EmojiCode().Replace(text, m => Emoji.TryGetValue(m.Groups[1].Value, out var e) ? e : m.Value);

    /// <summary>The people the screenshots mention, by user id, as their Slack clients would show them.</summary>
    private static readonly Dictionary<string, string> People = new(StringComparer.Ordinal) { ["U0ALICE"] = "Alice Adams", ["U0BOB"] = "Bob Builder", ["U0CAROL"] = "Carol Chen" };

    [GeneratedRegex(@"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")]
    private static partial Regex Mention();

    [GeneratedRegex(@"<!date\^(\d+)\^([^|>]*)\|[^>]*>")]
    private static partial Regex DateToken();

    [GeneratedRegex(@"\*([^*\n]+)\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"`([^`\n]+)`")]
    private static partial Regex Code();

    [GeneratedRegex(@":([a-z_]+):")]
    private static partial Regex EmojiCode();
}
