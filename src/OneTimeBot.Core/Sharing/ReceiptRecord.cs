using System.Text.Json.Serialization;
using OneTimeBot.Core.Workspaces;

namespace OneTimeBot.Core.Sharing;

/// <summary>
/// The bot's own record of a secret it created. Cards carry only <see cref="Id"/>; the metadata key (which can burn
/// the secret) and the secret link (which can reveal it) are kept sealed with a key made from it and the
/// deployment's key (see <see cref="ReceiptVault"/>). <see cref="Backend"/>
/// is the backend as configured when the secret was made, so a later settings change does not lose it.
/// </summary>
public sealed record ReceiptRecord(
    string Id,
    WorkspaceId Workspace,
    string OwnerUserId,
    string Backend,
    string ProtectedKeys,
    DateTimeOffset Created,
    DateTimeOffset ExpiresAt,
    TimeSpan Ttl,
    bool PassphraseRequired,
    string? Recipient,
    bool Generated)
{
    /// <summary>Kept as long as the backend keeps its receipt: twice the secret's lifetime.</summary>
    public DateTimeOffset KeepUntil => Created + Ttl * 2;

    /// <summary>The id link tracking watches this secret under (see <see cref="ILinkTracking"/>); null on receipts saved before.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TrackedId { get; init; }

    /// <summary>The metadata key alone, as receipts saved before the keys were protected together hold it; read, never written.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ProtectedMetadataKey { get; init; }

    /// <summary>The link alone, as receipts saved before the keys were protected together hold it; read, never written.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ProtectedSecretLink { get; init; }

    // Read back, Id is the card's: with the sealed keys beside it, a generated ToString would print what opens the link.
    public override string ToString() =>
        $"ReceiptRecord {{ TrackedId = {TrackedId}, Workspace = {Workspace}, Backend = {Backend}, Created = {Created:O}, ExpiresAt = {ExpiresAt:O}, PassphraseRequired = {PassphraseRequired}, Generated = {Generated} }}";
}
