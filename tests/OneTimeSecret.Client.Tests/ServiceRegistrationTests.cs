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

    [Fact]
    public async Task Without_a_registered_clock_the_timeouts_run_on_the_system_clock()
    {
        await using var server = await FakeOnetimeSecretServer.StartAsync();
        var hung = new BackendHold();
        server.On("POST", "/api/v1/share", FakeResponse.Json(RecordedShapes.ShareWithIntegers).Until(hung));
        await using var services = new ServiceCollection()
            .AddOneTimeSecretClient(o => (o.AttemptTimeout, o.TotalTimeout) = (TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(50)))
            .BuildServiceProvider();

        // Nothing moves a clock here but real time: the call ends only if its timeout runs on the system's.
        var shared = await services.GetRequiredService<IOneTimeSecretClient>()
            .ShareAsync(new OneTimeSecretConnection(server.BaseUri), new ShareRequest(new SecretText("Pf7-system-clock-share-k2w")))
            .WaitAsync(ArmedTimersClock.Patience);

        Assert.Null(services.GetService<TimeProvider>());
        Assert.Equal(OtsFailureKind.Unavailable, shared.Error!.Kind);
        Assert.Contains("did not answer in time", shared.Error.Message, StringComparison.Ordinal);
    }
}
