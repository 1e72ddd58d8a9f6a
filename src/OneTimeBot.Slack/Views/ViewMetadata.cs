using System.Text.Json;

namespace OneTimeBot.Slack.Views;

/// <summary>
/// What a modal carries in <c>private_metadata</c> so its submission can be answered where it was asked for: the
/// opening request's <c>response_url</c>, its channel, and for a burn the receipt (from a card) or the tracked link (from
/// a list of recent links). Slack returns it unchanged inside a signed request. It holds nothing Slack has not seen, but
/// the receipt id opens the stored copy of a link and the <c>response_url</c> can post to the channel, so neither is
/// printed. An answer to a request for a secret carries the request's id.
/// </summary>
public sealed record ViewMetadata(string? ResponseUrl = null, string? Channel = null, string? ReceiptId = null, string? RequestId = null)
{
    /// <summary>The tracked link a burn from a list of recent links concerns.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? TrackedId { get; init; }

    public const int MaxLength = 3000;

    public string Write()
    {
        var json = JsonSerializer.Serialize(this, Payloads.SlackJson.Options);
        // A response_url is about 100 characters; anything near the limit is not from us.
        return json.Length <= MaxLength ? json : JsonSerializer.Serialize(this with { ResponseUrl = null }, Payloads.SlackJson.Options);
    }

    public static ViewMetadata Read(string? json) => Payloads.SlackJson.TryRead<ViewMetadata>(json) ?? new ViewMetadata();

    public override string ToString() => $"ViewMetadata {{ Channel = {Channel}, RequestId = {RequestId}, TrackedId = {TrackedId} }}";
}
