using System.Text.Json;

namespace OneTimeSecret.Client.Wire;

/// <summary>Turns v1 response bodies into the client's records, building the web links on the way.</summary>
internal static class OtsWireReader
{
    public static ServiceStatus Status(JsonElement root) =>
        new(LenientJson.RequiredString(Object(root), "status"), LenientJson.String(root, "locale"));

    public static SecretReceipt Receipt(JsonElement root, OneTimeSecretConnection connection)
    {
        var obj = Object(root);
        var metadataKey = LenientJson.RequiredString(obj, "metadata_key");
        var secretKey = LenientJson.String(obj, "secret_key") is { Length: > 0 } key ? key : null;
        var shareDomain = LenientJson.String(obj, "share_domain") is { Length: > 0 } domain ? domain : null;
        var created = Instant(LenientJson.Int64(obj, "created")) ?? DateTimeOffset.UnixEpoch;
        var received = Instant(LenientJson.Int64(obj, "received"));

        return new SecretReceipt(
            CustomerId: LenientJson.String(obj, "custid") ?? "",
            MetadataKey: metadataKey,
            SecretKey: secretKey,
            State: State(LenientJson.String(obj, "state")),
            Ttl: Seconds(LenientJson.Int64(obj, "ttl")) ?? TimeSpan.Zero,
            MetadataTtl: Seconds(LenientJson.Int64(obj, "metadata_ttl")),
            SecretTtl: Seconds(LenientJson.Int64(obj, "secret_ttl")),
            Created: created,
            Updated: Instant(LenientJson.Int64(obj, "updated")) ?? created,
            Received: received is { } r && r > DateTimeOffset.UnixEpoch ? r : null,
            Recipients: LenientJson.Strings(obj, "recipient"),
            ShareDomain: shareDomain,
            PassphraseRequired: LenientJson.Boolean(obj, "passphrase_required"),
            SecretLink: secretKey is null ? null : OtsLinks.Secret(connection, shareDomain, secretKey),
            ReceiptLink: OtsLinks.Receipt(connection, metadataKey));
    }

    public static GeneratedSecret Generated(JsonElement root, OneTimeSecretConnection connection)
    {
        var value = LenientJson.String(Object(root), "value");
        if (string.IsNullOrEmpty(value))
        {
            throw new OtsWireFormatException("the field 'value' is missing");
        }

        return new GeneratedSecret(Receipt(root, connection), new SecretText(value));
    }

    public static RevealedSecret Revealed(JsonElement root)
    {
        var obj = Object(root);
        if (!obj.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.String)
        {
            throw new OtsWireFormatException("the field 'value' is missing");
        }

        return new RevealedSecret(
            new SecretText(value.GetString()!),
            LenientJson.String(obj, "secret_key") ?? "",
            LenientJson.String(obj, "share_domain") is { Length: > 0 } domain ? domain : null);
    }

    /// <summary>Burn answers <c>{"state":{receipt},"secret_shortkey":…}</c>; some servers answer the receipt itself.</summary>
    public static SecretReceipt Burned(JsonElement root, OneTimeSecretConnection connection) =>
        Object(root).TryGetProperty("state", out var state) && state.ValueKind == JsonValueKind.Object
            ? Receipt(state, connection)
            : Receipt(root, connection);

    public static IReadOnlyList<SecretReceipt> Recent(JsonElement root, OneTimeSecretConnection connection)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new OtsWireFormatException("the answer is not a list");
        }

        return root.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Select(e => Receipt(e, connection)).ToArray();
    }

    private static JsonElement Object(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object ? root : throw new OtsWireFormatException("the answer is not a JSON object");

    private static SecretState State(string? state) => state?.ToLowerInvariant() switch
    {
        "new" => SecretState.New,
        "viewed" => SecretState.Viewed,
        "received" => SecretState.Received,
        "burned" => SecretState.Burned,
        "expired" => SecretState.Expired,
        "orphaned" => SecretState.Orphaned,
        _ => SecretState.Unknown,
    };

    private static TimeSpan? Seconds(long? seconds) => seconds is { } s and >= 0 ? TimeSpan.FromSeconds(s) : null;

    private static DateTimeOffset? Instant(long? unixSeconds) =>
        unixSeconds is { } s and >= 0 and < 253402300800 ? DateTimeOffset.FromUnixTimeSeconds(s) : null;
}
