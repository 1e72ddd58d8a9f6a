using Microsoft.AspNetCore.Hosting;

namespace OneTimeBot.Host.Hosting;

/// <summary>
/// Serves on http://localhost:3978 (the Bot Framework's customary port) unless the operator chose addresses with
/// <c>--urls</c>, <c>ASPNETCORE_URLS</c>, <c>ASPNETCORE_HTTP_PORTS</c> or <c>Kestrel:Endpoints</c>.
/// </summary>
public static class DefaultListenAddress
{
    public const string Url = "http://localhost:3978";

    public static void ApplyUnlessConfigured(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var chosen = !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.ServerUrlsKey]) ||
                     !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpPortsKey]) ||
                     !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpsPortsKey]) ||
                     configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
        if (!chosen)
        {
            builder.WebHost.UseUrls(Url);
        }
    }
}
