namespace OneTimeBot.SecretServer.Storage;

/// <summary>
/// What a store looks a secret or receipt up by: its id (a keyed hash of the link's key) and, for a key shaped like
/// those this server made before it hashed them, the key itself, under which such a record was stored.
/// </summary>
public readonly record struct StoreLookup(string Id, string? LegacyKey)
{
    /// <summary>An id's length: HMAC-SHA256 as hex. No key this server ever made is that long.</summary>
    private const int IdLength = 64;

    /// <summary>A record whose stored id is already known, e.g. a receipt's secret.</summary>
    public static StoreLookup Exact(string id) => new(id, null);

    /// <summary>True for a name a record was stored under before keys were hashed: the key itself, not an id.</summary>
    public static bool IsLegacyKey(string storedName)
    {
        ArgumentNullException.ThrowIfNull(storedName);
        return storedName.Length != IdLength;
    }

    public override string ToString() => "[store lookup]";
}
