using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OneTimeBot.SecretServer.Model;
using OneTimeBot.SecretServer.Service;

namespace OneTimeBot.SecretServer.Api;

/// <summary>v1's JSON shapes, field by field: flat objects, integer numbers, errors as 404 with a message.</summary>
public static class ApiJson
{
    public const string IntendedStatusHeader = "X-OTS-Intended-Status";

    // JSON, not HTML: characters like '+' in generated values are sent as themselves, as other v1 servers do.
    private static readonly JsonSerializerOptions Wire = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject Receipt(Receipt view, DateTimeOffset now, bool withSecretKey = true)
    {
        ArgumentNullException.ThrowIfNull(view);
        var receipt = view.Record;
        var alive = ReceiptState.SecretAlive(receipt.State);
        var json = new JsonObject
        {
            ["custid"] = receipt.CustomerId,
            ["metadata_key"] = view.MetadataKey,
        };
        if (withSecretKey && alive && view.SecretKey is not null)
        {
            json["secret_key"] = view.SecretKey;
        }

        json["ttl"] = receipt.TtlSeconds;
        json["metadata_ttl"] = SecondsLeft(receipt.ExpiresAt, now);
        json["secret_ttl"] = alive ? SecondsLeft(receipt.SecretExpiresAt, now) : null;
        json["state"] = receipt.State;
        json["updated"] = receipt.Updated.ToUnixTimeSeconds();
        json["created"] = receipt.Created.ToUnixTimeSeconds();
        if (receipt.Received is { } received)
        {
            json["received"] = received.ToUnixTimeSeconds();
        }

        json["recipient"] = new JsonArray(receipt.Recipients.Select(r => (JsonNode?)JsonValue.Create(r)).ToArray());
        json["share_domain"] = receipt.ShareDomain;
        json["passphrase_required"] = receipt.PassphraseRequired;
        return json;
    }

    public static IResult Ok(JsonNode body) => Results.Text(body.ToJsonString(Wire), "application/json; charset=utf-8", statusCode: 200);

    public static IResult Error(ServiceError error, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(context);
        var body = new JsonObject { ["message"] = error.Message };
        if (error.SecretKey is not null)
        {
            body["secret_key"] = error.SecretKey;
        }

        context.Response.Headers[IntendedStatusHeader] = error.IntendedStatus.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (error.RetryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Results.Text(body.ToJsonString(Wire), "application/json; charset=utf-8", statusCode: 404);
    }

    public static IResult RouteNotFound() =>
        Results.Text("""{"error":"Not Found"}""", "application/json; charset=utf-8", statusCode: 404);

    public static IResult ServerError() =>
        Results.Text("""{"error":"Internal Server Error"}""", "application/json; charset=utf-8", statusCode: 500);

    private static long SecondsLeft(DateTimeOffset until, DateTimeOffset now) =>
        Math.Max(0, (long)Math.Ceiling((until - now).TotalSeconds));
}
