namespace OneTimeBot.SecretServer.Pages;

/// <summary>
/// The pages' only stylesheet and script, served by this host so the CSP can forbid everything else. They hold no
/// words for a reader: what the copy button says after copying comes from the button's data attributes, which the
/// page writes in its own language.
/// </summary>
internal static class PageAssets
{
    public const string StylesheetPath = "/assets/ots.css";
    public const string ScriptPath = "/assets/ots.js";

    public const string Stylesheet = """
        :root { color-scheme: light dark; --fg: #1b1f24; --bg: #f5f6f8; --card: #ffffff; --muted: #4a5360; --accent: #0b5cad; --danger: #a1141c; --border: #c9ced6; }
        @media (prefers-color-scheme: dark) { :root { --fg: #e8eaed; --bg: #14171b; --card: #1e2228; --muted: #b4bcc8; --accent: #7ab8ff; --danger: #ff8a8f; --border: #3c434d; } }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
        main { max-width: 40rem; margin: 3rem auto; padding: 2rem; background: var(--card); border: 1px solid var(--border); border-radius: 12px; }
        h1 { font-size: 1.5rem; margin: 0 0 1rem; }
        p { margin: 0 0 1rem; }
        .muted { color: var(--muted); }
        label { display: block; font-weight: 600; margin-bottom: .25rem; }
        input[type=password], input[type=text], textarea { width: 100%; padding: .6rem .7rem; font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--border); border-radius: 8px; }
        textarea { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; min-height: 6rem; resize: vertical; }
        button { font: inherit; font-weight: 600; padding: .6rem 1.2rem; margin-top: 1rem; border: 0; border-radius: 8px; color: #fff; background: var(--accent); cursor: pointer; }
        @media (prefers-color-scheme: dark) { button { color: #0b1520; } }
        button.danger { background: var(--danger); }
        :focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
        .error { color: var(--danger); font-weight: 600; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: .4rem 1rem; margin: 0 0 1rem; }
        dt { font-weight: 600; }
        dd { margin: 0; }
        .languages { max-width: 40rem; margin: 1rem auto 0; padding: 0 1rem; text-align: right; font-size: .875rem; }
        .languages a { color: var(--accent); margin-left: 1rem; }
        .languages a[aria-current] { color: var(--fg); font-weight: 600; text-decoration: none; }
        .languages + main { margin-top: .75rem; }
        footer { text-align: center; color: var(--muted); font-size: .875rem; margin-bottom: 2rem; }
        """;

    public const string Script = """
        document.addEventListener('DOMContentLoaded', function () {
          document.querySelectorAll('button[data-copy-target]').forEach(function (button) {
            button.hidden = false;
            button.addEventListener('click', function () {
              var target = document.getElementById(button.getAttribute('data-copy-target'));
              var status = document.getElementById(button.getAttribute('data-copy-status'));
              var text = target.value !== undefined ? target.value : target.textContent;
              var done = function (message) { if (status) { status.textContent = message; } };
              var select = function () { target.focus(); if (target.select) { target.select(); } done(button.getAttribute('data-selected')); };
              if (navigator.clipboard && window.isSecureContext) {
                navigator.clipboard.writeText(text).then(function () { done(button.getAttribute('data-copied')); }, select);
              } else {
                select();
              }
            });
          });
        });
        """;
}
