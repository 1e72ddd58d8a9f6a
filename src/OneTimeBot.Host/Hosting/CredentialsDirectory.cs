using Microsoft.Extensions.Options;

namespace OneTimeBot.Host.Hosting;

/// <summary>
/// Secret settings as files: systemd's <c>LoadCredential=</c>, a Kubernetes Secret mounted as a volume and compose
/// secrets each put one file per secret into a folder, which <c>$CREDENTIALS_DIRECTORY</c> names. Each file is one
/// setting, named as its environment variable (<c>SecretServer__EncryptionKey</c>), its content the value (one trailing
/// newline dropped). So no secret sits in a unit file, an environment or a command line, where <c>ps</c>,
/// <c>systemctl show</c> or <c>docker inspect</c> would show it. These settings win over every other source.
/// </summary>
public static class CredentialsDirectory
{
    public const string Variable = "CREDENTIALS_DIRECTORY";

    public static void AddTo(IConfigurationBuilder configuration, string? directory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (string.IsNullOrWhiteSpace(directory))
        {
            return;
        }

        if (!Directory.Exists(directory))
        {
            // A missing folder means the secrets did not arrive: starting without them would only fail later, less clearly.
            throw new OptionsValidationException(Variable, typeof(string), [$"{Variable} names '{directory}', which is not a folder this process can read: the secret settings were not handed over."]);
        }

        configuration.AddKeyPerFile(directory, optional: false, reloadOnChange: false);
    }
}
