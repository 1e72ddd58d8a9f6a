using CsCheck;
using OneTimeBot.Core.Commands;
using OneTimeBot.Core.Expiry;
using OneTimeBot.Core.Sharing;

namespace OneTimeBot.Core.Tests;

/// <summary>The command grammar and the expiry parser take anything a user or a platform can send, without throwing.</summary>
public sealed class GrammarFuzzTests
{
    // Words the grammar knows, mixed with whitespace of every kind, digits, units and arbitrary Unicode.
    private static readonly Gen<string> Token = Gen.OneOf(
        Any("share", "SHARE", "generate", "gen", "help", "?", "config", "settings", "shar", "genrate", "1h", "7d", "90s", "2 weeks", "1h30m", "and", ","),
        Any(" ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u2003", "\u200b", ""),
        Gen.Int[-5, 100_000_000].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.String,
        Gen.Char.Array[0, 8].Select(c => new string(c)));

    private static Gen<string> Any(params string[] choices) => Gen.Int[0, choices.Length - 1].Select(i => choices[i]);

    private static readonly Gen<string> Text = Token.Array[0, 12].Select(parts => string.Concat(parts));

    // Parsing never runs a command, so no sharing or request service is needed.
    private static readonly BotCommands Commands = new(null!, null!, null!, null!, null!);

    [Fact]
    public void Any_text_parses_to_a_command_without_throwing_and_share_keeps_its_secret_verbatim() =>
        Text.Sample(text =>
        {
            var parsed = Commands.Parse(text);
            if (parsed.Command is null)
            {
                Assert.False(string.IsNullOrWhiteSpace(parsed.Problem));
            }

            if (parsed.Name == "share" && parsed.Arguments.Trim().Length > 0)
            {
                // Everything after "share" and the one whitespace character that ends it.
                var start = text.TrimStart();
                Assert.Equal(start[6..], parsed.Arguments);
            }
        }, iter: 20_000);

    [Fact]
    public void Any_text_either_parses_as_an_expiry_that_prints_back_to_itself_or_is_refused() =>
        Text.Sample(text =>
        {
            if (Ttl.TryParse(text, out var ttl))
            {
                Assert.True(ttl > TimeSpan.Zero);
                Assert.True(Ttl.TryParse(Ttl.Format(ttl), out var again));
                Assert.Equal(ttl, again);
            }
        }, iter: 20_000);

    [Fact]
    public void Any_text_given_as_generate_arguments_splits_into_an_expiry_and_a_length_the_rules_can_judge() =>
        Text.Sample(text =>
        {
            var parsed = Commands.Parse("generate " + text);
            Assert.Equal("generate", parsed.Name);
            var input = GenerateArguments.Read(parsed.Arguments);
            // Whatever was typed is either an expiry and a length the rules read, or a length they explain.
            var length = SharingRules.CheckLength(input.Length);
            Assert.True(length.IsSuccess || length.Error.Field == Errors.SharingError.LengthField);
        }, iter: 10_000);
}
