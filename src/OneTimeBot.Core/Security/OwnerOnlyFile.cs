namespace OneTimeBot.Core.Security;

/// <summary>Writes a Development-only secret (a generated key) to a file only its owner can read.</summary>
public static class OwnerOnlyFile
{
    public static void Write(string path, string contents)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
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
