using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OneTimeBot.Slack.Configuration;
using OneTimeBot.Slack.WebApi;

namespace OneTimeBot.Slack.Tests;

/// <summary>
/// <c>Slack:ResponseUrlHosts</c>, <c>Slack:AllowedTeams</c> and <c>Slack:AllowedEnterprises</c>: a wrong entry stops
/// start-up with a message naming it, and a response_url is used only on exactly a listed host and port.
/// </summary>
public sealed class SlackTrustSettingsTests
{
    [Theory]
    [InlineData("https://hooks.slack.com", "Slack:ResponseUrlHosts:0 'https://hooks.slack.com' must be a host name")]
    [InlineData("hooks.slack.com/commands", "Slack:ResponseUrlHosts:0")]
    [InlineData("*.slack.com", "no scheme, path or wildcard")]
    [InlineData("bot@hooks.slack.com", "Slack:ResponseUrlHosts:0")]
    [InlineData(" ", "Slack:ResponseUrlHosts:0")]
    public void A_response_url_host_that_is_not_a_bare_host_stops_start_up(string entry, string expected)
    {
        var options = Valid();
        options.ResponseUrlHosts.Add(entry);

        Assert.Contains(Errors(options), e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("AllowedTeams", "E0GRID", "Slack:AllowedTeams:0 'E0GRID' must be a Slack team id")]
    [InlineData("AllowedTeams", "acme.slack.com", "Slack:AllowedTeams:0")]
    [InlineData("AllowedTeams", "t0alpha", "Slack:AllowedTeams:0")]
    [InlineData("AllowedEnterprises", "T0ALPHA", "Slack:AllowedEnterprises:0 'T0ALPHA' must be a Slack Enterprise Grid org id")]
    public void An_allowed_workspace_that_is_not_a_slack_id_of_its_kind_stops_start_up(string key, string entry, string expected)
    {
        var options = Valid();
        (key == "AllowedTeams" ? options.AllowedTeams : options.AllowedEnterprises).Add(entry);

        Assert.Contains(Errors(options), e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Slacks_hosts_loopback_ports_team_and_enterprise_ids_are_accepted()
    {
        var options = Valid();
        foreach (var host in new[] { "hooks.slack.com", "hooks.slack-gov.com", "127.0.0.1:8080", "localhost:3000", "[::1]:9000" })
        {
            options.ResponseUrlHosts.Add(host);
        }

        options.AllowedTeams.Add("T0ALPHA");
        options.AllowedEnterprises.Add("E0GRID");

        Assert.Empty(Errors(options));
    }

    [Theory]
    [InlineData(null, "https://hooks.slack.com/commands/T0ALPHA/1/abc", true)]
    [InlineData(null, "http://hooks.slack.com/commands/T0ALPHA/1/abc", false)]
    [InlineData(null, "https://hooks.slack.com:8443/commands/T0ALPHA/1/abc", false)]
    [InlineData(null, "https://hooks.slack.com.evil.example/commands/T0ALPHA/1/abc", false)]
    [InlineData(null, "https://evil.example/commands?to=hooks.slack.com", false)]
    [InlineData(null, "https://files.slack.com/commands/T0ALPHA/1/abc", false)]
    [InlineData(null, "https://hooks.slack.com@evil.example/commands", false)]
    [InlineData(null, "https://169.254.169.254/latest/meta-data", false)]
    [InlineData("127.0.0.1:5000", "http://127.0.0.1:5000/response/1", true)]
    [InlineData("127.0.0.1:5000", "http://127.0.0.1:5001/response/1", false)]
    [InlineData("127.0.0.1:5000", "https://hooks.slack.com/commands/T0ALPHA/1/abc", false)]
    [InlineData("localhost:5000", "http://localhost:5000/response/1", true)]
    [InlineData("slack-proxy.internal:8080", "http://slack-proxy.internal:8080/response/1", false)]
    [InlineData("slack-proxy.internal:8080", "https://slack-proxy.internal:8080/response/1", true)]
    public void A_response_url_is_used_only_over_https_on_exactly_a_listed_host_and_port_or_over_http_on_a_listed_loopback_one(string? listed, string url, bool used)
    {
        var options = Valid();
        if (listed is not null)
        {
            options.ResponseUrlHosts.Add(listed);
        }

        var policy = new ResponseUrlPolicy(Options.Create(options), NullLogger<ResponseUrlPolicy>.Instance);

        Assert.Equal(used, policy.Permit(new Uri(url)) is not null);
    }

    private static SlackOptions Valid() => new() { SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5", BotToken = "xoxb-1-2-3" };

    private static IEnumerable<string> Errors(SlackOptions options) =>
        new SlackOptionsValidator(new HostingEnvironment { EnvironmentName = Environments.Production }).Validate(null, options).Failures ?? [];
}
