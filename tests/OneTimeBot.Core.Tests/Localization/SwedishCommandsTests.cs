using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.Core.Commands;
using OneTimeBot.Core.Localization;
using OneTimeBot.Core.Tests.Storage;
using OneTimeBot.Core.Workspaces;

namespace OneTimeBot.Core.Tests.Localization;

/// <summary>The command words stay what people type in every language; the help around them speaks the reader's.</summary>
public sealed class SwedishCommandsTests : IAsyncLifetime
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

    [Fact]
    public void A_swedish_reader_types_the_same_command_words_and_reads_the_help_in_swedish()
    {
        using var swedish = LanguageScope.Use(Languages.Swedish);

        var parsed = Commands.Parse("generate 24h 20");
        var help = Commands.Help();

        Assert.Equal("generate", parsed.Name);
        Assert.Equal("Genererar ett lösenord och dess länk", parsed.Command!.Progress);
        var generate = Assert.Single(help.Lines, l => l.Command == "generate" && !l.SlashCommandOnly);
        Assert.Equal("generate [utgångstid] [längd]", generate.Usage);
        Assert.Equal("ett slumpat lösenord bakom en länk", generate.Description);
        Assert.Contains(help.Lines, l => l.Command == "recent" && l.Description.StartsWith("dina senaste 20 länkar", StringComparison.Ordinal));
    }

    [Fact]
    public void A_swedish_reader_who_mistypes_a_command_is_asked_in_swedish_what_they_meant()
    {
        using var swedish = LanguageScope.Use(Languages.Swedish);

        var parsed = Commands.Parse("genrate 24h");

        Assert.Null(parsed.Command);
        Assert.Equal("Jag känner inte till ”genrate”. Menade du generate?", parsed.Problem);
    }

    [Fact]
    public async Task A_swedish_reader_hears_in_swedish_how_notify_is_set()
    {
        using var swedish = LanguageScope.Use(Languages.Swedish);

        var reply = await Commands.RunAsync(Commands.Parse("notify off"), Alice, CommandSurface.SlashCommand, TimeSpan.FromSeconds(2), default);

        var notice = Assert.IsType<NoticeReply>(reply).Notice;
        Assert.Equal("Du får inte längre några meddelanden om dina länkar.", notice.Message);
        Assert.StartsWith("Skriv notify on", notice.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void An_english_reader_reads_the_help_as_before()
    {
        using var english = LanguageScope.Use(Languages.English);

        var help = Commands.Help();

        var request = Assert.Single(help.Lines, l => l.Command == "request" && l.SlashCommandOnly);
        Assert.Equal("request @person <what it is for>", request.Usage);
        Assert.Equal("asks them at once", request.Description);
        Assert.Equal("request @bob the staging DB password", request.Example);
        Assert.Equal("I don't know \"genrate\". Did you mean generate?", Commands.Parse("genrate").Problem);
    }
}
