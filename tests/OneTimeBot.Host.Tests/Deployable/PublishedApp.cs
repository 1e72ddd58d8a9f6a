using System.Diagnostics;
using OneTimeBot.Testing;

namespace OneTimeBot.Host.Tests.Deployable;

/// <summary>
/// <c>dotnet publish</c> of the host, once for every test of the class, as the Dockerfile's build stage runs it, into a
/// folder any user may read (the deployed app is not its user's to change).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PublishedApp : IAsyncLifetime
{
    private static readonly TimeSpan PublishBudget = TimeSpan.FromMinutes(10);

    public string Folder { get; } = Directory.CreateTempSubdirectory("onetimebot-published-").FullName;

    public async Task InitializeAsync()
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryRoot.Path };
        foreach (var arg in new[] { "publish", "src/OneTimeBot.Host/OneTimeBot.Host.csproj", "-c", "Release", "-o", Folder, "-nologo" })
        {
            info.ArgumentList.Add(arg);
        }

        using var publish = Process.Start(info) ?? throw new InvalidOperationException("dotnet publish did not start");
        var output = publish.StandardOutput.ReadToEndAsync();
        var errors = publish.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(PublishBudget);
        await publish.WaitForExitAsync(timeout.Token);
        Assert.True(publish.ExitCode == 0, $"dotnet publish failed:\n{await output}\n{await errors}");
        OpenToEveryone(Folder);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Readable (and its folders enterable) by every user, writable by none but its owner.</summary>
    internal static void OpenToEveryone(string folder)
    {
        const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        System.IO.File.SetUnixFileMode(folder, Folder);
        foreach (var directory in Directory.EnumerateDirectories(folder, "*", SearchOption.AllDirectories))
        {
            System.IO.File.SetUnixFileMode(directory, Folder);
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            System.IO.File.SetUnixFileMode(file, File);
        }
    }
}
