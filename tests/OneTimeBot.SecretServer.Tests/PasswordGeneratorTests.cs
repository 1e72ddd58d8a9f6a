using OneTimeBot.SecretServer.Crypto;

namespace OneTimeBot.SecretServer.Tests;

public sealed class PasswordGeneratorTests
{
    [Theory]
    [InlineData(4)]
    [InlineData(12)]
    [InlineData(128)]
    public void Every_generated_password_has_each_kind_of_character_and_no_look_alikes(int length)
    {
        for (var i = 0; i < 500; i++)
        {
            var value = PasswordGenerator.Generate(length).Reveal();

            Assert.Equal(length, value.Length);
            Assert.Contains(value, c => PasswordGenerator.Upper.Contains(c, StringComparison.Ordinal));
            Assert.Contains(value, c => PasswordGenerator.Lower.Contains(c, StringComparison.Ordinal));
            Assert.Contains(value, c => PasswordGenerator.Digits.Contains(c, StringComparison.Ordinal));
            Assert.Contains(value, c => PasswordGenerator.Symbols.Contains(c, StringComparison.Ordinal));
            Assert.DoesNotContain(value, c => "ilo1IO0".Contains(c, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Lengths_outside_4_to_128_are_clamped()
    {
        Assert.Equal(4, PasswordGenerator.Generate(1).Length);
        Assert.Equal(128, PasswordGenerator.Generate(500).Length);
    }

    [Fact]
    public void Values_do_not_repeat_and_use_the_whole_alphabet()
    {
        var values = Enumerable.Range(0, 2000).Select(_ => PasswordGenerator.Generate(12).Reveal()).ToArray();

        Assert.Equal(values.Length, values.Distinct().Count());
        var alphabet = PasswordGenerator.Upper + PasswordGenerator.Lower + PasswordGenerator.Digits + PasswordGenerator.Symbols;
        Assert.Equal(alphabet.Length, values.SelectMany(v => v).Distinct().Count());
    }

    [Fact]
    public void Keys_are_62_characters_of_base36()
    {
        var keys = Enumerable.Range(0, 1000).Select(_ => SecretKeys.New()).ToArray();

        Assert.All(keys, k => Assert.Matches("^[0-9a-z]{62}$", k));
        Assert.Equal(keys.Length, keys.Distinct().Count());
    }
}
