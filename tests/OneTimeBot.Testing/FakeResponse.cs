using System.Text.Json;

namespace OneTimeBot.Testing;

/// <summary>One scripted answer of a fake HTTP server: status, JSON body, headers and an optional delay before answering.</summary>
public sealed record FakeResponse(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default)
{
    public static FakeResponse Json(string json, int status = 200, IReadOnlyDictionary<string, string>? headers = null) => new(status, json, headers);

    public static FakeResponse Json(object value, int status = 200) => new(status, JsonSerializer.Serialize(value));

    /// <summary>How v1 reports errors: HTTP 404 with a message, and on newer servers the status it meant.</summary>
    public static FakeResponse OtsError(string message, int? intendedStatus = null, string? secretKey = null)
    {
        var body = secretKey is null
            ? JsonSerializer.Serialize(new { message })
            : JsonSerializer.Serialize(new { message, secret_key = secretKey });
        var headers = intendedStatus is { } s ? new Dictionary<string, string> { ["X-OTS-Intended-Status"] = s.ToString(System.Globalization.CultureInfo.InvariantCulture) } : null;
        return new FakeResponse(404, body, headers);
    }

    /// <summary>What v1 answers for an unknown route or wrong method.</summary>
    public static FakeResponse RouteNotFound() => new(404, """{"error":"Not Found"}""");

    public static FakeResponse ServerError(int status = 500) => new(status, """{"error":"Internal Server Error"}""");

    /// <summary>Answered only once <paramref name="hold"/> is released; see <see cref="BackendHold"/>.</summary>
    public BackendHold? Hold { get; init; }

    public FakeResponse After(TimeSpan delay) => this with { Delay = delay };

    public FakeResponse Until(BackendHold hold) => this with { Hold = hold };

    public FakeResponse WithHeader(string name, string value)
    {
        var headers = new Dictionary<string, string>(Headers ?? new Dictionary<string, string>()) { [name] = value };
        return this with { Headers = headers };
    }
}
