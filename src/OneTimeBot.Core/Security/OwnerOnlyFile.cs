namespace OneTimeBot.Core.Security;

/// <summary>
/// A Development-only secret (a generated key) kept in a file only its owner can read, so a laptop run needs no set-up
/// and keeps the same secret across restarts.
/// </summary>
public static class OwnerOnlyFile
{
    /// <summary>
    /// The secret in <paramref name="path"/> when the file holds one <paramref name="usable"/> accepts; otherwise a new
    /// one from <paramref name="generate"/>, written there first. <c>Generated</c> says which, for the caller's warning.
    /// </summary>
    public static (string Secret, bool Generated) ReadOrCreate(string path, Func<string, bool> usable, Func<string> generate)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(usable);
        ArgumentNullException.ThrowIfNull(generate);
        if (File.Exists(path) && File.ReadAllText(path) is var stored && usable(stored))
        {
            return (stored, false);
        }

        var secret = generate();
        Write(path, secret);
        return (secret, true);
    }

    private static void Write(string path, string contents)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var file = new StreamWriter(path, System.Text.Encoding.ASCII, options);
        file.Write(contents);
    }
}
