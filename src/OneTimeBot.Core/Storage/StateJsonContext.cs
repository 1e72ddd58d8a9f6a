using System.Text.Json;
using System.Text.Json.Serialization;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Tracking;
using OneTimeBot.Core.Workspaces;

namespace OneTimeBot.Core.Storage;

/// <summary>
/// The records written on every new link, in the form <see cref="StateJson.Options"/> gives them, made at build time:
/// reflection's metadata is built once, but each write still walks it through boxed property getters. The options must
/// stay those of <see cref="StateJson.Options"/>, as rows written by either are read by both (StateJsonContextTests).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ReceiptRecord))]
[JsonSerializable(typeof(TrackedShare))]
[JsonSerializable(typeof(Person))]
internal sealed partial class StateJsonContext : JsonSerializerContext;
