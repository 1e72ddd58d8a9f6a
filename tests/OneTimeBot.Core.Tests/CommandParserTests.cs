using OneTimeBot.Core.Commands;

namespace OneTimeBot.Core.Tests;

public sealed class CommandParserTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("help")]
    [InlineData("HELP")]
    [InlineData(" ? ")]
    public void Nothing_or_help_asks_for_help(string? text)
    {
        Assert.IsType<HelpCommand>(CommandParser.Parse(text));
    }

    [Theory]
    [InlineData("share")]
    [InlineData("Share   ")]
    [InlineData("share \n ")]
    public void Share_alone_opens_the_form(string text)
    {
        Assert.Null(Assert.IsType<ShareCommand>(CommandParser.Parse(text)).Secret);
    }

    [Theory]
    [InlineData("share hunter2", "hunter2")]
    [InlineData("share  two leading spaces kept", " two leading spaces kept")]
    [InlineData("SHARE p@ss w0rd with spaces ", "p@ss w0rd with spaces ")]
    [InlineData("share\nline one\nline two", "line one\nline two")]
    [InlineData("share generate 24h", "generate 24h")]
    [InlineData("  share -----BEGIN KEY-----", "-----BEGIN KEY-----")]
    public void Everything_after_share_is_the_secret_verbatim(string text, string secret)
    {
        var command = Assert.IsType<ShareCommand>(CommandParser.Parse(text));

        Assert.Equal(secret, command.Secret!.Reveal());
        Assert.DoesNotContain(secret.Trim(), command.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("generate", null, null)]
    [InlineData("generate 24h", "24h", null)]
    [InlineData("generate 24h 20", "24h", 20)]
    [InlineData("generate 1 hour 20", "1 hour", 20)]
    [InlineData("generate 7 days", "7 days", null)]
    [InlineData("gen 3600", "3600", null)]
    [InlineData("generate 15m 200", "15m", 200)]
    public void Generate_takes_an_optional_expiry_and_a_trailing_length(string text, string? ttl, int? length)
    {
        var command = Assert.IsType<GenerateCommand>(CommandParser.Parse(text));

        Assert.Equal(ttl, command.Ttl);
        Assert.Equal(length, command.Length);
    }

    [Fact]
    public void A_length_too_big_for_a_number_is_not_understood()
    {
        Assert.Contains("whole number", Assert.IsType<UnknownCommand>(CommandParser.Parse("generate 1h 99999999999999")).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Config_is_understood_alone()
    {
        Assert.IsType<ConfigCommand>(CommandParser.Parse("config"));
        Assert.IsType<UnknownCommand>(CommandParser.Parse("config now"));
    }

    [Theory]
    [InlineData("shred it", "I don't know \"shred\". Did you mean share?")]
    [InlineData("Generat 1h", "I don't know \"generat\". Did you mean generate?")]
    [InlineData("hunter2!!", "That isn't a command I know.")]
    [InlineData("Passw0rd", "That isn't a command I know.")]
    [InlineData("tiger", "That isn't a command I know.")]
    [InlineData("correcthorsebatterystaple", "That isn't a command I know.")]
    public void Anything_else_is_not_understood_without_echoing_what_could_be_a_secret(string text, string problem)
    {
        Assert.Equal(problem, Assert.IsType<UnknownCommand>(CommandParser.Parse(text)).Problem);
    }

    [Fact]
    public void Random_input_never_throws()
    {
        var random = new Random(42);
        const string alphabet = "ab sh are gen rate 0123456789hmdw \n\t\u00a0é💥<>&\"'";
        for (var i = 0; i < 20_000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());

            Assert.NotNull(CommandParser.Parse(text));
        }
    }
}
