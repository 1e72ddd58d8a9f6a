using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using OneTimeBot.Slack.Configuration;

namespace OneTimeBot.Slack.Tests;

/// <summary>
/// <c>Slack:Command</c>: the slash command this OneTimeBot answers, for an app whose command was renamed or a second
/// app beside the first. Every message that tells people what to type names it; a name Slack would never send stops
/// start-up.
/// </summary>
public sealed class CommandNameTests
{
    [Fact]
    public async Task With_slack_command_set_to_onetime_dev_that_command_works_and_its_help_names_it()
    {
        await using var app = await SlackApp.StartAsync(new Dictionary<string, string?> { ["Slack:Command"] = "/onetime-dev" });

        var help = await app.AnswerAsync("help", command: "/onetime-dev");
        var card = await app.AnswerAsync("share Pf7-dev-command-secret-zu42", command: "/onetime-dev");
        var other = await app.AnswerAsync("help", command: "/onetime");

        Assert.Contains("/onetime-dev share", help["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("/onetime ", help.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("Pf7-dev-command-secret-zu42", await SlackApp.RevealAsync(SlackApp.LinkOn(card)));
        Assert.Contains("This OneTimeBot answers only /onetime-dev.", other["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("onetime")]
    [InlineData("/")]
    [InlineData("/OneTime")]
    [InlineData("/one time")]
    [InlineData("/onetime.dev")]
    [InlineData("/onetime-for-the-whole-company-now")]
    [InlineData("")]
    public void A_command_name_slack_would_never_send_stops_start_up_naming_the_key(string command)
    {
        var options = new SlackOptions { SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5", BotToken = "xoxb-1-2-3", Command = command };

        var errors = new SlackOptionsValidator(new HostingEnvironment { EnvironmentName = Environments.Production }).Validate(null, options).Failures ?? [];

        Assert.Contains(errors, e => e.StartsWith($"Slack:Command '{command}' must be the slash command", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/onetime")]
    [InlineData("/onetime-dev")]
    [InlineData("/ots_2")]
    [InlineData("/onetime-for-the-whole-company-n")]
    public void A_lowercase_command_name_of_up_to_32_characters_is_accepted(string command)
    {
        var options = new SlackOptions { SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5", BotToken = "xoxb-1-2-3", Command = command };

        Assert.True(new SlackOptionsValidator(new HostingEnvironment { EnvironmentName = Environments.Production }).Validate(null, options).Succeeded);
    }
}
