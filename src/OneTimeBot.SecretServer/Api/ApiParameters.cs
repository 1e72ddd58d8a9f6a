using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OneTimeSecret.Client;

namespace OneTimeBot.SecretServer.Api;

/// <summary>
/// A v1 request's parameters from a form or JSON body, and from the query string for everything but the secret and
/// passphrase, which are only ever taken from the body so they never travel in a URL. The host bounds the body: reading
/// past its limit throws a 413 <see cref="BadHttpRequestException"/>, which the host answers in v1's JSON.
/// </summary>
public sealed class ApiParameters
{
    private static readonly HashSet<string> BodyOnly = new(StringComparer.Ordinal) { "secret", "passphrase" };

    private readonly Dictionary<string, string> _values;

    private ApiParameters(Dictionary<string, string> values)
    {
        _values = values;
    }

    public string? this[string name] => _values.TryGetValue(name, out var value) ? value : null;

    public SecretText? Sensitive(string name) => SecretText.FromOptional(this[name]);

    public static async Task<ApiParameters> ReadAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Query)
        {
            if (!BodyOnly.Contains(key))
            {
                values[key] = value.ToString();
            }
        }

        if (request.HasFormContentType)
        {
            try
            {
                var form = await request.ReadFormAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
                foreach (var (key, value) in form)
                {
                    values[key] = value.ToString();
                }
            }
            catch (Exception ex) when (ex is InvalidDataException || (ex is IOException and not BadHttpRequestException && !request.HttpContext.RequestAborted.IsCancellationRequested))
            {
                // A broken form (a multipart body without its boundary, or cut off mid-part) carries no parameters, like malformed JSON.
            }
        }
        else if (request.HasJsonContentType())
        {
            try
            {
                using var document = await JsonDocument.ParseAsync(request.Body, default, request.HttpContext.RequestAborted).ConfigureAwait(false);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    foreach (var property in document.RootElement.EnumerateObject())
                    {
                        if (Scalar(property.Value) is { } scalar)
                        {
                            values[property.Name] = scalar;
                        }
                    }
                }
            }
            catch (JsonException)
            {
                // A malformed body carries no parameters; the endpoint then says what is missing.
            }
        }

        return new ApiParameters(values);
    }

    private static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };
}
