using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.Core.Commands;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Tests.Storage;
using OneTimeBot.Core.Workspaces;

namespace OneTimeBot.Core.Tests;

/// <summary>The one command grammar that Slack's /onetime, Slack DMs and the Teams chat share.</summary>
public sealed class BotCommandsTests : IAsyncLifetime
{
    private static readonly Actor Alice = new(new WorkspaceId(ChatPlatform.Slack, "T0ACME"), "U0ALICE");
    private StateHarness _state = null!;

    private BotCommands Commands => _state.Services.GetRequiredService<BotCommands>();

    public Task InitializeAsync()
    {
        _state = StateHarness.Start(null);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _state.DisposeAsync();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("help")]
    [InlineData("HELP")]
    [InlineData(" ? ")]
    public void Nothing_or_help_asks_for_help(string? text)
    {
        Assert.Equal("help", Commands.Parse(text).Name);
    }

    [Theory]
    [InlineData("share")]
    [InlineData("Share   ")]
    [InlineData("share \n ")]
    public async Task Share_alone_opens_the_form(string text)
    {
        var reply = await RunAsync(text, CommandSurface.SlashCommand);

        Assert.Equal(BotForm.Share, Assert.IsType<FormReply>(reply).Form);
    }

    [Theory]
    [InlineData("share Kq7-hunter2-zz", "Kq7-hunter2-zz")]
    [InlineData("share  two leading spaces kept", " two leading spaces kept")]
    [InlineData("SHARE p@ss w0rd with spaces ", "p@ss w0rd with spaces ")]
    [InlineData("share\nline one\nline two", "line one\nline two")]
    [InlineData("share generate 24h", "generate 24h")]
    [InlineData("  share -----BEGIN KEY-----", "-----BEGIN KEY-----")]
    public void Everything_after_share_is_the_secret_verbatim(string text, string secret)
    {
        var parsed = Commands.Parse(text);

        Assert.Equal("share", parsed.Name);
        Assert.Equal(secret, parsed.Arguments);
        Assert.DoesNotContain(secret.Trim(), parsed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void What_a_handler_is_given_never_prints_the_secret_typed_after_share()
    {
        var parsed = Commands.Parse("share Kq7-handed-to-the-handler-zz");
        var request = new CommandRequest(Alice, parsed.Arguments, CommandSurface.SlashCommand, TimeSpan.FromSeconds(2));

        Assert.Equal("Kq7-handed-to-the-handler-zz", request.Arguments);
        Assert.DoesNotContain("Kq7-handed-to-the-handler-zz", request.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_typed_in_a_chat_is_refused_and_the_forms_are_offered()
    {
        var reply = Assert.IsType<NoticeReply>(await RunAsync("share Kq7-typed-in-chat-zz", CommandSurface.Chat));

        Assert.Equal(Notices.SecretTypedInChat, reply.Notice);
        Assert.True(reply.OfferForms);
    }

    [Theory]
    [InlineData("generate", null, null)]
    [InlineData("generate 24h", "24h", null)]
    [InlineData("generate 24h 20", "24h", "20")]
    [InlineData("generate 1 hour 20", "1 hour", "20")]
    [InlineData("generate 7 days", "7 days", null)]
    [InlineData("gen 3600", "3600", null)]
    [InlineData("generate 15m 200", "15m", "200")]
    public void Generate_takes_an_optional_expiry_and_a_trailing_length(string text, string? ttl, string? length)
    {
        var parsed = Commands.Parse(text);
        var input = GenerateArguments.Read(parsed.Arguments);

        Assert.Equal("generate", parsed.Name);
        Assert.Equal(ttl, input.Ttl);
        Assert.Equal(length, input.Length);
    }

    [Fact]
    public async Task A_length_too_big_for_a_number_is_explained_beside_the_length()
    {
        var reply = Assert.IsType<CardReply>(await RunAsync("generate 1h 99999999999999", CommandSurface.SlashCommand));

        Assert.Equal(SharingError.LengthField, reply.Result.Error!.Field);
        Assert.Contains("4 to 128", reply.Result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_is_understood_alone()
    {
        Assert.Equal(BotForm.Config, Assert.IsType<FormReply>(await RunAsync("config", CommandSurface.SlashCommand)).Form);
        Assert.Equal("config takes nothing after it.", Assert.IsType<HelpReply>(await RunAsync("config now", CommandSurface.SlashCommand)).Problem);
    }

    [Theory]
    [InlineData("shred it", "I don't know \"shred\". Did you mean share?")]
    [InlineData("Generat 1h", "I don't know \"generat\". Did you mean generate?")]
    [InlineData("hunter2!!", "That isn't a command I know.")]
    [InlineData("Passw0rd", "That isn't a command I know.")]
    [InlineData("tiger", "That isn't a command I know.")]
    [InlineData("correcthorsebatterystaple", "That isn't a command I know.")]
    public async Task Anything_else_gets_the_help_with_the_problem_without_echoing_what_could_be_a_secret(string text, string problem)
    {
        var parsed = Commands.Parse(text);
        var reply = Assert.IsType<HelpReply>(await Commands.RunAsync(parsed, Alice, CommandSurface.SlashCommand, TimeSpan.FromSeconds(2), default));

        Assert.Null(parsed.Command);
        Assert.Equal(problem, reply.Problem);
        Assert.NotEmpty(reply.Lines);
    }

    [Fact]
    public void The_help_has_a_line_for_every_way_of_typing_every_command()
    {
        var help = Commands.Help();

        Assert.Equal(
            ["share", "share <secret>", "share @person <secret>", "generate [expiry] [length]", "generate @person [expiry] [length]", "request", "request @person <what it is for>", "recent", "notify off|on", "config", "help"],
            help.Lines.Select(l => l.Usage));
        Assert.All(Commands.All, c => Assert.Contains(help.Lines, l => l.Command == c.Name));
        Assert.True(help.Lines.Single(l => l.Usage == "share <secret>").SlashCommandOnly);
        // Only Slack reads a person out of what was typed (its mentions); the Teams chat has its people picker instead.
        Assert.All(help.Lines.Where(l => l.Usage.Contains('@', StringComparison.Ordinal)), l => Assert.True(l.SlashCommandOnly));
    }

    [Theory]
    [InlineData("request")]
    [InlineData("Request  ")]
    [InlineData("ask")]
    [InlineData("request the staging DB password")]
    public async Task Request_without_a_person_opens_the_form(string text)
    {
        var reply = await RunAsync(text, CommandSurface.SlashCommand);

        var form = Assert.IsType<FormReply>(reply);
        Assert.Equal(BotForm.Request, form.Form);
        Assert.Null(form.SendTo);
    }

    [Fact]
    public async Task Request_naming_a_person_but_not_what_for_opens_the_form_with_them_picked()
    {
        var bob = new Core.Workspaces.Person("U0BOB", "bob");

        var reply = await Commands.RunAsync(Commands.Parse("request  ") with { SendTo = bob }, Alice, CommandSurface.SlashCommand, TimeSpan.FromSeconds(2), default);

        Assert.Equal(new FormReply(BotForm.Request) { SendTo = bob }, reply);
    }

    [Fact]
    public async Task Request_naming_a_person_and_what_for_asks_them_at_once()
    {
        var bob = new Core.Workspaces.Person("U0BOB", "bob");

        var reply = await Commands.RunAsync(Commands.Parse("request the staging DB password") with { SendTo = bob }, Alice, CommandSurface.SlashCommand, TimeSpan.FromSeconds(2), default);

        // This harness has no messenger for Slack, so the request gets as far as messaging Bob and says why it could not.
        var error = Assert.IsType<RequestReply>(reply).Result.Error!;
        Assert.Equal("I could not send your request: OneTimeBot is not set up to send messages on Slack.", error.Message);
    }

    [Fact]
    public void Every_alias_leads_to_its_command()
    {
        Assert.Equal("generate", Commands.Parse("gen").Name);
        Assert.Equal("recent", Commands.Parse("links").Name);
        Assert.Equal("config", Commands.Parse("settings").Name);
        Assert.Equal("help", Commands.Parse("?").Name);
        Assert.Equal("request", Commands.Parse("ask").Name);
    }

    [Fact]
    public void Random_input_never_throws()
    {
        var random = new Random(42);
        const string alphabet = "ab sh are gen rate 0123456789hmdw \n\t\u00a0é💥<>&\"'";
        for (var i = 0; i < 20_000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());

            var parsed = Commands.Parse(text);
            Assert.True(parsed.Command is not null || !string.IsNullOrWhiteSpace(parsed.Problem));
        }
    }

    private Task<CommandReply> RunAsync(string text, CommandSurface surface) =>
        Commands.RunAsync(Commands.Parse(text), Alice, surface, TimeSpan.FromSeconds(2), default);
}
