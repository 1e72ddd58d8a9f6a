using System.Security.Cryptography;
using OneTimeBot.Testing;

namespace OneTimeBot.Host.Tests.Durability;

/// <summary>
/// What an operator sets in the environment of a production host that serves one Slack workspace with the embedded
/// secret service: its own keys (new for each test, the same for every start within it), a store, and Slack's
/// Web API and response_urls on a local stand-in.
/// </summary>
internal static class OperatorSettings
{
    public static Dictionary<string, string> For(DurableStore store, FakeSlackServer slack, string signingSecret)
    {
        var settings = new Dictionary<string, string>
        {
            ["SecretServer__EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Slack__SigningSecret"] = signingSecret,
            ["Slack__BotToken"] = "xoxb-4242-1717-durable" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)),
            ["Slack__ApiBaseUrl"] = slack.ApiBaseUri.ToString(),
            ["Slack__ResponseUrlHosts__0"] = slack.BaseUri.Authority,
            ["Teams__Enabled"] = "false",
        };
        foreach (var (key, value) in store.Settings)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>A signing secret for one test: 32 hex characters, like Slack's.</summary>
    public static string NewSigningSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
