using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneTimeBot.Core.Security;

namespace OneTimeBot.Slack.Configuration;

/// <summary>
/// The signing secret requests are checked against: the configured one, or in Development one generated once into an
/// owner-only file, so the quick start can sign its own requests while nothing ever accepts unsigned ones.
/// </summary>
public sealed partial class SlackSigningSecret
{
    private readonly Lazy<string> _value;

    public SlackSigningSecret(IOptions<SlackOptions> options, IHostEnvironment environment, ILogger<SlackSigningSecret> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _value = new Lazy<string>(() => Resolve(options.Value, environment, logger));
    }

    public string Value => _value.Value;

    private static string Resolve(SlackOptions options, IHostEnvironment environment, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(options.SigningSecret))
        {
            return options.SigningSecret.Trim();
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException($"{SlackOptions.SectionName}:SigningSecret is required outside Development.");
        }

        var path = Path.GetFullPath(options.SigningSecretFile, environment.ContentRootPath);
        var (secret, generated) = OwnerOnlyFile.ReadOrCreate(path, text => text.Trim().Length >= 32, () => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        if (generated)
        {
            LogGeneratedDevelopmentSecret(logger, path);
        }
        else
        {
            LogUsingDevelopmentSecret(logger, path);
        }

        return secret.Trim();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack:SigningSecret is not set; generated a Development signing secret in {Path}. Set Slack:SigningSecret from your Slack app to receive its requests.")]
    private static partial void LogGeneratedDevelopmentSecret(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack:SigningSecret is not set; using the Development signing secret in {Path}. Set Slack:SigningSecret from your Slack app to receive its requests.")]
    private static partial void LogUsingDevelopmentSecret(ILogger logger, string path);
}
