using System.Diagnostics;
using OneTimeBot.Core.Hosting.Redaction;
using OpenTelemetry;

namespace OneTimeBot.Host.Telemetry;

/// <summary>
/// Rewrites every finished span before any exporter sees it, as the logs are rewritten: a secret or metadata key in a
/// URL path (<c>url.full</c>, <c>url.path</c>, <c>http.route</c>, <c>http.target</c> and any other text tag), a credential in a
/// query string, and the same in the span's name and status text, become <see cref="KeyedPathRedactor.Placeholder"/>.
/// An outgoing call keeps only its scheme, host and port: a Slack response_url or a Bot Connector path is itself a
/// credential or names a conversation, in a shape no pattern knows.
/// </summary>
public sealed class KeyRedactingProcessor : BaseProcessor<Activity>
{
    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        List<KeyValuePair<string, string>>? rewritten = null;
        foreach (var (key, value) in data.TagObjects)
        {
            if (data.Kind == ActivityKind.Client && key is "url.full" or "http.url" && value is string url && Uri.TryCreate(url, UriKind.Absolute, out var target))
            {
                (rewritten ??= []).Add(new(key, target.GetLeftPart(UriPartial.Authority) + "/" + KeyedPathRedactor.Placeholder));
            }
            else if (value is string text && KeyedPathRedactor.MayHoldKey(text))
            {
                (rewritten ??= []).Add(new(key, KeyedPathRedactor.Redact(text)));
            }
        }

        foreach (var (key, value) in rewritten ?? [])
        {
            data.SetTag(key, value);
        }

        data.DisplayName = KeyedPathRedactor.Redact(data.DisplayName);
        if (data.StatusDescription is { } description && KeyedPathRedactor.MayHoldKey(description))
        {
            data.SetStatus(data.Status, KeyedPathRedactor.Redact(description));
        }
    }
}
