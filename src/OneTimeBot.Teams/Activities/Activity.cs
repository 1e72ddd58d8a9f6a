using System.Text.Json;

namespace OneTimeBot.Teams.Activities;

/// <summary>
/// A Bot Framework activity as Teams posts it, the fields OneTimeBot reads. <see cref="Text"/> and
/// <see cref="Value"/> may hold a secret: they are never logged. <see cref="Locale"/> is the sender's Teams language
/// (e.g. <c>sv-SE</c>).
/// </summary>
public sealed record Activity(
    string? Type,
    string? Id,
    string? ChannelId,
    string? ServiceUrl,
    ChannelAccount? From,
    ChannelAccount? Recipient,
    ConversationAccount? Conversation,
    JsonElement? ChannelData,
    string? Text,
    JsonElement? Value,
    string? Name,
    string? Action,
    IReadOnlyList<Entity>? Entities,
    IReadOnlyList<ChannelAccount>? MembersAdded,
    string? ReplyToId,
    string? Locale = null)
{
    /// <summary>The tenant: the conversation's, else the channel data's (the two agree on every activity let in).</summary>
    public string? TenantId => ConversationTenantId ?? ChannelDataTenantId;

    /// <summary><c>conversation.tenantId</c>.</summary>
    public string? ConversationTenantId => NonEmpty(Conversation?.TenantId);

    /// <summary><c>channelData.tenant.id</c>.</summary>
    public string? ChannelDataTenantId =>
        ChannelData is { ValueKind: JsonValueKind.Object } data &&
        data.TryGetProperty("tenant", out var tenant) && tenant.ValueKind == JsonValueKind.Object &&
        tenant.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? NonEmpty(id.GetString())
            : null;

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

public sealed record ChannelAccount(string? Id, string? Name, string? AadObjectId);

public sealed record ConversationAccount(string? Id, string? ConversationType, string? TenantId);

/// <summary>An entity; for a mention, <see cref="Mentioned"/> and the <see cref="Text"/> it appears as.</summary>
public sealed record Entity(string? Type, ChannelAccount? Mentioned, string? Text);
