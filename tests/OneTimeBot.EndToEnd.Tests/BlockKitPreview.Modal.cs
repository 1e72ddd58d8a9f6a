using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace OneTimeBot.EndToEnd.Tests;

/// <summary>
/// An HTML picture of a Block Kit modal as Slack lays it out: its title, each input with its label, element and hint
/// (a picked person shown as Slack's person pill), context lines, and the Cancel and submit buttons.
/// </summary>
internal static partial class BlockKitPreview
{
    public static string ModalHtml(JsonObject view)
    {
        var body = new StringBuilder();
        foreach (var block in view["blocks"]!.AsArray().OfType<JsonObject>())
        {
            switch (block["type"]!.GetValue<string>())
            {
                case "input":
                    var optional = block["optional"]?.GetValue<bool>() == true ? $" <small>({Chrome("optional", "valfritt")})</small>" : "";
                    body.Append("<div class=\"input\"><label>").Append(Plain(block["label"])).Append(optional).Append("</label>")
                        .Append(Element(block["element"]!.AsObject()));
                    if (block["hint"] is { } hint)
                    {
                        body.Append("<div class=\"hint\">").Append(Plain(hint)).Append("</div>");
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
                case "section":
                    body.Append("<div class=\"section\">").Append(Mrkdwn(block["text"]!["text"]!.GetValue<string>())).Append("</div>");
                    break;
            }
        }

        return $$"""
            <!doctype html><html lang="{{Lang}}"><head><meta charset="utf-8"><title>Block Kit modal preview</title><style>
            body{margin:0;padding:16px;background:#8a8a8a;font:15px/1.47 "Lato","Segoe UI",system-ui,sans-serif;color:#1d1c1d}
            #modal{width:520px;background:#fff;border-radius:8px;box-shadow:0 4px 16px rgba(0,0,0,.35)}
            .title{font-size:20px;font-weight:900;padding:16px 24px;border-bottom:1px solid #ddd}
            .body{padding:8px 24px}.input{margin:14px 0}.input label{display:block;font-weight:700;margin-bottom:6px}
            .input label small{font-weight:400;color:#616061}
            .box{border:1px solid #bbb;border-radius:4px;padding:8px 10px;min-height:20px;color:#1d1c1d}
            .box.multi{min-height:64px}.box .placeholder{color:#8d8d8d}.box.select::after{content:"▾";float:right;color:#616061}
            .pill{display:inline-flex;align-items:center;gap:6px;background:#f1f1f1;border-radius:4px;padding:1px 6px}
            .pill .face{width:20px;height:20px;border-radius:4px;background:#2e7d6b;color:#fff;font-size:12px;display:inline-flex;align-items:center;justify-content:center}
            .hint{font-size:13px;color:#616061;margin-top:4px}.context{font-size:13px;color:#616061;margin:10px 0}.section{margin:10px 0}
            .mention{background:#e8f5fa;color:#1264a3;border-radius:3px;padding:0 2px}
            .foot{display:flex;justify-content:flex-end;gap:8px;padding:14px 24px;border-top:1px solid #ddd}
            .button{border:1px solid #bbb;border-radius:4px;padding:5px 14px;font-weight:700;font-size:14px}
            .button.primary{background:#007a5a;color:#fff;border-color:#007a5a}
            </style></head><body><div id="modal"><div class="title">{{Plain(view["title"])}}</div><div class="body">{{body}}</div>
            <div class="foot"><span class="button">{{Plain(view["close"])}}</span>{{(view["submit"] is null ? "" : $"<span class=\"button primary\">{Plain(view["submit"])}</span>")}}</div></div></body></html>
            """;
    }

    private static string Element(JsonObject element)
    {
        var type = element["type"]!.GetValue<string>();
        var placeholder = element["placeholder"] is { } p ? $"<span class=\"placeholder\">{Plain(p)}</span>" : "";
        return type switch
        {
            "plain_text_input" when element["multiline"]?.GetValue<bool>() == true => $"<div class=\"box multi\">{placeholder}</div>",
            "static_select" => $"<div class=\"box select\">{(element["initial_option"] is { } chosen ? Plain(chosen["text"]) : placeholder)}</div>",
            "users_select" => $"<div class=\"box select\">{(element["initial_user"]?.GetValue<string>() is { } user ? Person(user) : placeholder)}</div>",
            "number_input" => $"<div class=\"box\">{WebUtility.HtmlEncode(element["initial_value"]?.GetValue<string>() ?? "")}</div>",
            _ => $"<div class=\"box\">{placeholder}</div>",
        };
    }

    private static string Person(string userId)
    {
        var name = People.TryGetValue(userId, out var known) ? known : userId;
        return $"<span class=\"pill\"><span class=\"face\">{WebUtility.HtmlEncode(name[..1])}</span>{WebUtility.HtmlEncode(name)}</span>";
    }

    private static string Plain(JsonNode? text) => WebUtility.HtmlEncode(text?["text"]?.GetValue<string>() ?? "");
}
