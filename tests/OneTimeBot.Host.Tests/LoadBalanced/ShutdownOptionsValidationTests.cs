using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OneTimeBot.Host.Hosting;

namespace OneTimeBot.Host.Tests.LoadBalanced;

public sealed class ShutdownOptionsValidationTests
{
    [Theory]
    [InlineData("00:00:00", "00:00:05", "Host:ShutdownTimeout must be more than 0")]
    [InlineData("00:11:00", "00:00:05", "Host:ShutdownTimeout must be more than 0 and at most 00:10:00")]
    [InlineData("00:00:30", "-00:00:01", "Host:DrainDelay must be 0 or more")]
    [InlineData("00:00:10", "00:00:10", "Host:DrainDelay (00:00:10) must be shorter than Host:ShutdownTimeout (00:00:10)")]
    public void A_stop_that_could_not_finish_what_it_started_fails_start_up_naming_the_key(string shutdownTimeout, string drainDelay, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Host:ShutdownTimeout"] = shutdownTimeout,
            ["Host:DrainDelay"] = drainDelay,
        }).Build();
        using var services = ValidationServices.Build(configuration);

        var error = Assert.ThrowsAny<Exception>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(ConfigurationErrors.From(error)!, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void The_shutdown_timeout_is_also_the_hosts_own_so_that_the_stop_of_every_service_is_bounded_by_it()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Host:ShutdownTimeout"] = "00:01:15" }).Build();
        using var services = ValidationServices.Build(configuration);

        Assert.Equal(TimeSpan.FromSeconds(75), services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }
}
