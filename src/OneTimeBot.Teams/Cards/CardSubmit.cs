using System.Text.Json;
using System.Text.Json.Serialization;

namespace OneTimeBot.Teams.Cards;

/// <summary>
/// What an <c>Action.Submit</c> on one of OneTimeBot's cards sends back, flattened into one object as Teams sends it:
/// the button's <see cref="Verb"/>, the receipt a Check status or Burn button concerns (or the request a Send it
/// securely, Decline or answer button does), the inputs a form showed,
/// and the card's inputs by id.
/// The inputs may hold a secret: this type never prints them.
/// </summary>
public sealed record CardSubmit
{
    [JsonPropertyName(CardActions.Key)]
    public string? Verb { get; init; }

    [JsonPropertyName(CardActions.ReceiptKey)]
    public string? ReceiptId { get; init; }

    [JsonPropertyName(CardActions.RequestKey)]
    public string? RequestId { get; init; }

    /// <summary>The tracked link a Burn on the card of recent links concerns.</summary>
    [JsonPropertyName(CardActions.TrackedKey)]
    public string? TrackedId { get; init; }

    [JsonPropertyName(CardActions.ShownInputsKey)]
    public string? ShownInputs { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Inputs { get; init; }

    /// <summary>The card's inputs as a form reads them.</summary>
    public FormValues Values => new(Inputs, ShownInputs?.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    public override string ToString() => $"CardSubmit({Verb}, {Inputs?.Count ?? 0} inputs)";
}
