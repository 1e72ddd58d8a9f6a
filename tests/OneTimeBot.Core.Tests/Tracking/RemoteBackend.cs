using System.Text.Json.Nodes;
using OneTimeBot.Testing;

namespace OneTimeBot.Core.Tests.Tracking;

/// <summary>A Onetime Secret server's answers about the one secret <see cref="FakeOnetimeSecretServer"/> hands out, in each state.</summary>
internal static class RemoteBackend
{
    public const string ReceiptPath = "/api/v1/private/" + OtsAnswers.MetadataKey;
    public const string BurnPath = ReceiptPath + "/burn";

    public static FakeResponse Receipt(string state, DateTimeOffset created, TimeSpan ttl, DateTimeOffset? received = null, bool passphrase = false)
    {
        var receipt = JsonNode.Parse(OtsAnswers.Receipt(state, created, (long)ttl.TotalSeconds, withSecretKey: state == "new"))!.AsObject();
        receipt["passphrase_required"] = passphrase;
        if (received is { } at)
        {
            receipt["received"] = at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            receipt["updated"] = receipt["received"]!.DeepClone();
        }

        return FakeResponse.Json(receipt.ToJsonString());
    }
}
