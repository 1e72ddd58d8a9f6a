using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OneTimeBot.SecretServer.Model;

namespace OneTimeBot.SecretServer.Storage;

/// <summary>
/// How Redis holds a secret or a receipt: the stored record as JSON, without its id (the key names it) and without
/// what is computed from the rest. Records written before keys were hashed name two fields after the keys they held
/// and carry no seals; <see cref="BeforeHashedIds"/> reads them, and writes them back, in that shape.
/// </summary>
internal static class RedisRecordJson
{
    public static readonly JsonSerializerOptions Current = Options(new Dictionary<(Type, string), string?>
    {
        [(typeof(StoredSecret), nameof(StoredSecret.Id))] = null,
        [(typeof(StoredReceipt), nameof(StoredReceipt.Id))] = null,
    });

    public static readonly JsonSerializerOptions BeforeHashedIds = Options(new Dictionary<(Type, string), string?>
    {
        [(typeof(StoredSecret), nameof(StoredSecret.Id))] = "SecretKey",
        [(typeof(StoredSecret), nameof(StoredSecret.ReceiptId))] = "MetadataKey",
        [(typeof(StoredReceipt), nameof(StoredReceipt.Id))] = "MetadataKey",
        [(typeof(StoredReceipt), nameof(StoredReceipt.SecretId))] = "SecretKey",
        [(typeof(StoredReceipt), nameof(StoredReceipt.SealedSecretKey))] = null,
        [(typeof(StoredReceipt), nameof(StoredReceipt.SealedMetadataKey))] = null,
    });

    /// <param name="names">A field's name in this shape, or null for a field the shape leaves out.</param>
    private static JsonSerializerOptions Options(IReadOnlyDictionary<(Type, string), string?> names)
    {
        var options = new JsonSerializerOptions
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { info => Shape(info, names) } },
        };
        options.MakeReadOnly();
        return options;
    }

    private static void Shape(JsonTypeInfo info, IReadOnlyDictionary<(Type, string), string?> names)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in info.Properties.ToArray())
        {
            if (property.Set is null)
            {
                // Computed from the other fields (HasPassphrase, IsLegacy): nothing to store.
                info.Properties.Remove(property);
            }
            else if (names.TryGetValue((info.Type, property.Name), out var name))
            {
                if (name is null)
                {
                    property.ShouldSerialize = static (_, _) => false;
                }
                else
                {
                    property.Name = name;
                }
            }
        }
    }
}
