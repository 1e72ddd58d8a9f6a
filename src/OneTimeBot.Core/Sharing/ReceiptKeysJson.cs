using System.Text.Json.Serialization;

namespace OneTimeBot.Core.Sharing;

[JsonSerializable(typeof(ReceiptKeys))]
internal sealed partial class ReceiptKeysJson : JsonSerializerContext;
