using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Sharing;

namespace OneTimeBot.Core.Tests.Sharing;

/// <summary>The one reading of a password length, whether typed after /onetime generate, in Slack's modal or in Teams' number input.</summary>
public sealed class LengthRuleTests
{
    [Theory]
    [InlineData(null, 12)]
    [InlineData("", 12)]
    [InlineData("  ", 12)]
    [InlineData("20", 20)]
    [InlineData(" 4 ", 4)]
    [InlineData("128", 128)]
    [InlineData("20.0", 20)]
    public void A_whole_number_in_range_or_nothing_is_a_length(string? text, int length)
    {
        Assert.Equal(length, SharingRules.CheckLength(text).Value);
    }

    [Theory]
    [InlineData("3", "4 to 128")]
    [InlineData("129", "4 to 128")]
    [InlineData("99999999999999", "4 to 128")]
    [InlineData("2.5", "whole number")]
    [InlineData("twenty", "whole number")]
    [InlineData("-5", "whole number")]
    [InlineData("1e3", "whole number")]
    public void Anything_else_is_explained_beside_the_length_field(string text, string explanation)
    {
        var error = SharingRules.CheckLength(text).Error!;

        Assert.Equal(SharingError.LengthField, error.Field);
        Assert.Equal(SharingErrorKind.InvalidInput, error.Kind);
        Assert.Contains(explanation, error.Message + " " + error.Hint, StringComparison.Ordinal);
    }
}
