using System.Text.Json.Nodes;
using Microsoft.Playwright;
using OneTimeBot.Testing;

namespace OneTimeBot.EndToEnd.Tests;

/// <summary>A page that renders one Adaptive Card with the official renderer (npm adaptivecards), as a Teams client would, into <c>#card</c>.</summary>
internal static class AdaptiveCardPage
{
    private static readonly string Renderer = RepositoryRoot.Combine("tests", "interop", "node_modules", "adaptivecards", "dist", "adaptivecards.js");

    /// <summary>Renders <paramref name="card"/> on <paramref name="page"/> and answers the text it shows.</summary>
    public static async Task<string> RenderAsync(IPage page, JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(card);
        await page.SetContentAsync("""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>card</title>
            <style>body{margin:0;padding:16px;background:#f5f5f5;font-family:"Segoe UI",system-ui,sans-serif}
            #card{width:460px;background:#fff;border-radius:6px;box-shadow:0 1px 3px rgba(0,0,0,.2);padding:4px}</style>
            </head><body><div id="card"></div></body></html>
            """);
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Renderer });

        return await page.EvaluateAsync<string>("""
            json => {
              // Teams renders the card's markdown; the renderer leaves that to its host, so this page does the same
              // for the subset Teams supports in text (bold, italic, escapes).
              AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
                const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
                result.outputHtml = escaped
                  .replace(/\\([\\*_\[\]])/g, (m, c) => '&#' + c.charCodeAt(0) + ';')
                  .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
                  .replace(/_(.+?)_/g, '<em>$1</em>');
                result.didProcess = true;
              };
              const card = new AdaptiveCards.AdaptiveCard();
              card.hostConfig = new AdaptiveCards.HostConfig({ fontFamily: '"Segoe UI", system-ui, sans-serif' });
              card.parse(JSON.parse(json));
              const element = card.render();
              document.getElementById('card').appendChild(element);
              return document.getElementById('card').innerText;
            }
            """, card.ToJsonString());
    }

    /// <summary>
    /// The titles of the shown buttons that reach past the card's edge, where the renderer lays a row of actions out in
    /// one line and the card cuts off what does not fit (a Teams client cuts them off, or hides them, alike).
    /// </summary>
    public static async Task<IReadOnlyList<string>> ButtonsCutOffAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return await page.EvaluateAsync<string[]>("""
            () => {
              // Cut off by any box around it that clips what overflows it (the renderer's button strip does), or by the card.
              const clipped = b => {
                const r = b.getBoundingClientRect();
                for (let box = b.parentElement; box; box = box.parentElement) {
                  const style = getComputedStyle(box);
                  if (box.id === 'card' || style.overflow !== 'visible' || style.overflowX !== 'visible') {
                    const edge = box.getBoundingClientRect();
                    if (r.right > edge.right + 0.5 || r.left < edge.left - 0.5) return true;
                  }
                  if (box.id === 'card') return false;
                }
                return false;
              };
              return [...document.querySelectorAll('#card button')]
                .filter(b => b.getBoundingClientRect().width > 0 && clipped(b))
                .map(b => b.innerText);
            }
            """);
    }
}
