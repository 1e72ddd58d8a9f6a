using Microsoft.Identity.Client;

namespace OneTimeBot.Teams.Connector;

/// <summary>Gives MSAL the host's named HttpClient, so its calls share the factory's handlers and settings.</summary>
internal sealed class MsalHttpClientFactory(IHttpClientFactory factory) : IMsalHttpClientFactory
{
    public HttpClient GetHttpClient() => factory.CreateClient(BotTokenProvider.HttpClientName);
}
