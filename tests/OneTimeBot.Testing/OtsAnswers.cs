using System.Text.Json;

namespace OneTimeBot.Testing;

/// <summary>v1 answers as onetimesecret.com sends them (numbers as strings, 31-character keys), made at a given instant.</summary>
public static class OtsAnswers
{
    public const string MetadataKey = "qjpjroeit8wra0ojeyhcw5pjsgwtuq7";
    public const string SecretKey = "153l8vbwqx5taskp92pf05uvgjefvu9";

    public static string Receipt(string state, DateTimeOffset created, long ttl, bool withSecretKey = true, string? value = null)
    {
        var receipt = new Dictionary<string, object?>
        {
            ["custid"] = "ops@beta.example",
            ["metadata_key"] = MetadataKey,
            ["ttl"] = ttl.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["metadata_ttl"] = (ttl * 2).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["secret_ttl"] = withSecretKey ? ttl.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            ["state"] = state,
            ["updated"] = created.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["created"] = created.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["recipient"] = Array.Empty<string>(),
            ["share_domain"] = null,
            ["passphrase_required"] = false,
        };
        if (withSecretKey)
        {
            receipt["secret_key"] = SecretKey;
        }

        if (value is not null)
        {
            receipt["value"] = value;
        }

        return JsonSerializer.Serialize(receipt);
    }

    public static string Burned(DateTimeOffset created, long ttl) =>
        $$"""{"state":{{Receipt("burned", created, ttl, withSecretKey: false)}},"secret_shortkey":"153l8vbw"}""";
}
