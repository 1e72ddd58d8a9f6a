using Microsoft.Extensions.Hosting.Internal;
using OneTimeBot.SecretServer.Configuration;

namespace OneTimeBot.SecretServer.Tests;

/// <summary>Rate limits the service cannot honour stop start-up with a message naming the key.</summary>
public sealed class SecretServerOptionsValidatorTests
{
    [Theory]
    [InlineData(nameof(SecretServerOptions.AccountCreatesPerMinute), -1, "SecretServer:AccountCreatesPerMinute")]
    [InlineData(nameof(SecretServerOptions.AccountRevealsPerMinute), -1, "SecretServer:AccountRevealsPerMinute")]
    [InlineData(nameof(SecretServerOptions.PassphraseAttemptsPerSecret), 0, "SecretServer:PassphraseAttemptsPerSecret")]
    [InlineData(nameof(SecretServerOptions.PassphraseAttemptsPerClientPerMinute), 0, "SecretServer:PassphraseAttemptsPerClientPerMinute")]
    public void A_limit_out_of_range_fails_naming_its_key(string property, int value, string key)
    {
        var options = Valid();
        typeof(SecretServerOptions).GetProperty(property)!.SetValue(options, value);

        var result = Validator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("2.00:00:00")]
    public void A_passphrase_window_outside_a_second_to_a_day_fails_naming_its_key(string window)
    {
        var options = Valid();
        options.PassphraseAttemptWindow = TimeSpan.Parse(window, System.Globalization.CultureInfo.InvariantCulture);

        var result = Validator().Validate(null, options);

        Assert.Contains("SecretServer:PassphraseAttemptWindow", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_and_account_limits_of_zero_pass()
    {
        var off = Valid();
        off.AccountCreatesPerMinute = 0;
        off.AccountRevealsPerMinute = 0;

        Assert.True(Validator().Validate(null, Valid()).Succeeded);
        Assert.True(Validator().Validate(null, off).Succeeded);
    }

    private static SecretServerOptions Valid() => new() { EncryptionKey = Convert.ToBase64String(new byte[32]) };

    private static SecretServerOptionsValidator Validator() => new(new HostingEnvironment { EnvironmentName = "Production" });
}
