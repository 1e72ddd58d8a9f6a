using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.Testing;

namespace OneTimeSecret.Client.Tests;

/// <summary>What <c>AddOneTimeSecretClient</c> registers, however an application calls it.</summary>
public sealed class ServiceRegistrationTests
{
    [Fact]
    public async Task Options_set_in_code_apply_to_every_call()
    {
        await using var server = await FakeOnetimeSecretServer.StartAsync();
        server.On("GET", "/api/v1/status", FakeResponse.ServerError(503));
        await using var services = new ServiceCollection()
            .AddOneTimeSecretClient(o => o.MaxRetryAttempts = 0)
            .BuildServiceProvider();

        var status = await services.GetRequiredService<IOneTimeSecretClient>().GetStatusAsync(new OneTimeSecretConnection(server.BaseUri));

        Assert.Equal(OtsFailureKind.Unavailable, status.Error!.Kind);
        Assert.Equal(1, server.CountOf("GET", "/api/v1/status"));
    }

    [Fact]
    public async Task Registering_the_client_twice_keeps_one_retry_pipeline_and_both_calls_settings()
    {
        await using var server = await FakeOnetimeSecretServer.StartAsync();
        server.On("GET", "/api/v1/status", FakeResponse.ServerError(503));
        await using var services = new ServiceCollection()
            .AddOneTimeSecretClient(o => o.RetryBaseDelay = TimeSpan.FromMilliseconds(10))
            .AddOneTimeSecretClient(o => o.MaxRetryAttempts = 1)
            .BuildServiceProvider();

        var status = await services.GetRequiredService<IOneTimeSecretClient>().GetStatusAsync(new OneTimeSecretConnection(server.BaseUri));

        Assert.Equal(OtsFailureKind.Unavailable, status.Error!.Kind);
        // One pipeline with one retry sends it twice; a second pipeline around it would send it four times.
        Assert.Equal(2, server.CountOf("GET", "/api/v1/status"));
        Assert.Single(services.GetServices<IOneTimeSecretClient>());
    }
}
