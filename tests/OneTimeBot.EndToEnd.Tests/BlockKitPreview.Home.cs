using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace OneTimeBot.EndToEnd.Tests;

/// <summary>
/// An HTML picture of an App Home tab as Slack lays it out: the app's name over the Home tab, then the view's blocks at
/// the tab's width, a section's button (its accessory) at its right.
/// </summary>
internal static partial class BlockKitPreview
{
    public static string HomeHtml(JsonObject view)
    {
        var body = new StringBuilder();
        foreach (var block in view["blocks"]!.AsArray().OfType<JsonObject>())
        {
            switch (block["type"]!.GetValue<string>())
            {
                case "header":
                    body.Append("<div class=\"header\">").Append(WebUtility.HtmlEncode(Emojify(block["text"]!["text"]!.GetValue<string>()))).Append("</div>");
                    break;
                case "section":
                    body.Append("<div class=\"row\"><div class=\"section\">").Append(Mrkdwn(block["text"]!["text"]!.GetValue<string>())).Append("</div>");
                    if (block["accessory"] is JsonObject button)
                    {
                        body.Append(Button(button));
                    }

                    body.Append("</div>");
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
                    foreach (var element in block["elements"]!.AsArray().OfType<JsonObject>())
                    {
                        body.Append(Button(element));
                    }

                    body.Append("</div>");
                    break;
            }
        }

        return $$"""
            <!doctype html><html lang="{{Lang}}"><head><meta charset="utf-8"><title>App Home preview</title><style>
            body{margin:0;padding:16px;background:#fff;font:15px/1.47 "Lato","Segoe UI",system-ui,sans-serif;color:#1d1c1d}
            #home{width:720px;border:1px solid #ddd;border-radius:8px;overflow:hidden}
            .top{display:flex;align-items:center;gap:8px;padding:12px 16px 0;font-weight:900;font-size:18px}
            .avatar{width:28px;height:28px;border-radius:6px;background:#1f3a5f;color:#fff;display:flex;align-items:center;justify-content:center}
            .tabs{display:flex;gap:20px;padding:8px 16px 0;border-bottom:1px solid #ddd;font-size:14px}
            .tabs span{padding-bottom:6px;color:#616061}.tabs .on{color:#1d1c1d;font-weight:700;border-bottom:2px solid #1264a3}
            .content{padding:8px 20px 16px;overflow-wrap:anywhere}
            .header{font-size:18px;font-weight:900;margin:12px 0 4px}
            .row{display:flex;gap:16px;align-items:flex-start;padding:8px 0;border-top:1px solid #f0f0f0}.row .section{flex:1;margin:0}
            .section{margin:4px 0}.context{font-size:13px;color:#616061;margin:6px 0}
            .actions{display:flex;gap:8px;margin:8px 0}
            .button{border:1px solid #bbb;border-radius:4px;padding:3px 12px;font-weight:700;font-size:14px;white-space:nowrap}
            .button.primary{background:#007a5a;color:#fff;border-color:#007a5a}.button.danger{color:#e01e5a;border-color:#e01e5a}
            .mention{background:#e8f5fa;color:#1264a3;border-radius:3px;padding:0 2px}
            </style></head><body><div id="home"><div class="top"><div class="avatar">🔒</div>OneTimeBot</div>
            <div class="tabs"><span class="on">{{Chrome("Home", "Hem")}}</span><span>{{Chrome("Messages", "Meddelanden")}}</span><span>{{Chrome("About", "Om")}}</span></div>
            <div class="content">{{body}}</div></div></body></html>
            """;
    }

    private static string Button(JsonObject button) =>
        string.Create(CultureInfo.InvariantCulture, $"<span class=\"button {button["style"]?.GetValue<string>() ?? "default"}\">{WebUtility.HtmlEncode(button["text"]!["text"]!.GetValue<string>())}</span>");
}
