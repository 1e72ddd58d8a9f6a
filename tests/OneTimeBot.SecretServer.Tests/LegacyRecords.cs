using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using OneTimeBot.Core.Expiry;
using OneTimeBot.Testing;

namespace OneTimeBot.SecretServer.Tests;

/// <summary>
/// A secret and its receipt as this server stored them before keys were hashed: under the keys themselves, the
/// receipt holding the secret key in clear, the value under AES-256-GCM with the server key itself and the secret key
/// as associated data (version byte 1). Written here independently of the server's code, the way the old code wrote them.
/// </summary>
internal sealed record LegacySecret(
    string SecretKey,
    string MetadataKey,
    string Value,
    string? Passphrase,
    string? PassphraseHash,
    string CustomerId,
    DateTimeOffset Created,
    TimeSpan Ttl)
{
    private const string Base36 = "0123456789abcdefghijklmnopqrstuvwxyz";

    public static LegacySecret New(string value, string customerId, DateTimeOffset created, TimeSpan ttl, string? passphrase = null) => new(
        RandomNumberGenerator.GetString(Base36, 62),
        RandomNumberGenerator.GetString(Base36, 62),
        value,
        passphrase,
        passphrase is null ? null : BCrypt.Net.BCrypt.EnhancedHashPassword(passphrase, BCrypt.Net.HashType.SHA384, 4),
        customerId,
        created,
        ttl);

    public DateTimeOffset SecretExpiresAt => Created + Ttl;

    public DateTimeOffset ReceiptExpiresAt => Created + Ttl * 2;

    public byte[] Ciphertext(byte[] serverKey)
    {
        var plaintext = Encoding.UTF8.GetBytes(Value);
        var output = new byte[1 + 12 + 16 + plaintext.Length];
        output[0] = 1;
        RandomNumberGenerator.Fill(output.AsSpan(1, 12));
        using var aes = new AesGcm(serverKey, 16);
        aes.Encrypt(output.AsSpan(1, 12), plaintext, output.AsSpan(29), output.AsSpan(13, 16), Encoding.ASCII.GetBytes(SecretKey));
        return output;
    }
}

/// <summary>A rate counter as this server kept it before it counted with the bot's rate counter: in its own table on SQLite.</summary>
internal sealed record LegacyCounter(string Name, long Count, DateTimeOffset ExpiresAt);

/// <summary>Writes <see cref="LegacySecret"/>s into a store the way the old code did: SQL on the old schema, or Redis commands.</summary>
internal static class LegacyStore
{
    private const string OldSchema = """
        CREATE TABLE ots_secrets (
            secret_key TEXT PRIMARY KEY,
            metadata_key TEXT NOT NULL,
            ciphertext BLOB NOT NULL,
            passphrase_hash TEXT,
            created INTEGER NOT NULL,
            expires INTEGER NOT NULL);
        CREATE INDEX ots_secrets_expires ON ots_secrets (expires);
        CREATE TABLE ots_receipts (
            metadata_key TEXT PRIMARY KEY,
            secret_key TEXT NOT NULL,
            custid TEXT NOT NULL,
            state TEXT NOT NULL,
            ttl INTEGER NOT NULL,
            created INTEGER NOT NULL,
            updated INTEGER NOT NULL,
            received INTEGER,
            secret_expires INTEGER NOT NULL,
            expires INTEGER NOT NULL,
            recipients TEXT NOT NULL,
            share_domain TEXT NOT NULL,
            passphrase_required INTEGER NOT NULL);
        CREATE INDEX ots_receipts_custid ON ots_receipts (custid, created);
        CREATE INDEX ots_receipts_expires ON ots_receipts (expires);
        CREATE TABLE ots_counters (
            name TEXT PRIMARY KEY,
            count INTEGER NOT NULL,
            expires INTEGER NOT NULL);
        """;

    /// <summary>Creates an SQLite file with the old schema holding <paramref name="secrets"/> and <paramref name="counters"/>, as an old host left it.</summary>
    public static void WriteSqlite(string path, byte[] serverKey, IEnumerable<LegacySecret> secrets, IEnumerable<LegacyCounter> counters)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=false"))
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode=WAL;" + OldSchema);
            foreach (var s in secrets)
            {
                Execute(connection, "INSERT INTO ots_secrets VALUES ($sk, $mk, $ciphertext, $hash, $created, $expires)",
                    ("$sk", s.SecretKey), ("$mk", s.MetadataKey), ("$ciphertext", s.Ciphertext(serverKey)), ("$hash", (object?)s.PassphraseHash ?? DBNull.Value),
                    ("$created", s.Created.ToUnixTimeMilliseconds()), ("$expires", s.SecretExpiresAt.ToUnixTimeMilliseconds()));
                Execute(connection, "INSERT INTO ots_receipts VALUES ($mk, $sk, $custid, 'new', $ttl, $created, $created, NULL, $secret_expires, $expires, '[]', '', $passphrase_required)",
                    ("$mk", s.MetadataKey), ("$sk", s.SecretKey), ("$custid", s.CustomerId), ("$ttl", (long)s.Ttl.TotalSeconds),
                    ("$created", s.Created.ToUnixTimeMilliseconds()), ("$secret_expires", s.SecretExpiresAt.ToUnixTimeMilliseconds()),
                    ("$expires", s.ReceiptExpiresAt.ToUnixTimeMilliseconds()), ("$passphrase_required", s.PassphraseHash is null ? 0 : 1));
            }

            foreach (var c in counters)
            {
                Execute(connection, "INSERT INTO ots_counters VALUES ($name, $count, $expires)",
                    ("$name", c.Name), ("$count", c.Count), ("$expires", c.ExpiresAt.ToUnixTimeMilliseconds()));
            }
        }

        SqliteConnection.ClearAllPools();
    }

    /// <summary>Writes <paramref name="secrets"/> and <paramref name="counters"/> under the old key names and JSON shapes, with the old native lifetimes.</summary>
    public static async Task WriteRedisAsync(RedisServer redis, string prefix, byte[] serverKey, IEnumerable<LegacySecret> secrets, IEnumerable<LegacyCounter> counters)
    {
        foreach (var c in counters)
        {
            var lifetime = c.ExpiresAt - DateTimeOffset.UtcNow;
            await Expect("+OK", redis.CommandAsync("SET", prefix + "ots:counter:" + c.Name, c.Count.ToString(CultureInfo.InvariantCulture), "PX", Milliseconds(lifetime)));
        }

        foreach (var s in secrets)
        {
            var secret = JsonSerializer.Serialize(new
            {
                s.SecretKey,
                s.MetadataKey,
                Ciphertext = s.Ciphertext(serverKey),
                s.PassphraseHash,
                s.Created,
                ExpiresAt = s.SecretExpiresAt,
            });
            var receipt = JsonSerializer.Serialize(new
            {
                s.MetadataKey,
                s.SecretKey,
                s.CustomerId,
                State = "new",
                TtlSeconds = (long)s.Ttl.TotalSeconds,
                s.Created,
                Updated = s.Created,
                Received = (DateTimeOffset?)null,
                SecretExpiresAt = s.SecretExpiresAt,
                ExpiresAt = s.ReceiptExpiresAt,
                Recipients = Array.Empty<string>(),
                ShareDomain = "",
                PassphraseRequired = s.PassphraseHash is not null,
            });
            await Expect("+OK", redis.CommandAsync("SET", prefix + "ots:secret:" + s.SecretKey, secret, "PX", Milliseconds(s.Ttl)));
            await Expect("+OK", redis.CommandAsync("SET", prefix + "ots:receipt:" + s.MetadataKey, receipt, "PX", Milliseconds(s.Ttl * 2)));
            await Expect(":", redis.CommandAsync("ZADD", prefix + "ots:recent:" + s.CustomerId, s.Created.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), s.MetadataKey));
        }
    }

    private static string Milliseconds(TimeSpan span) => ((long)span.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);

    private static async Task Expect(string prefix, Task<string> reply)
    {
        var text = await reply;
        if (!text.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"redis answered {text}");
        }
    }

    private static void Execute(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // the statements are this file's own
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }
}
