using OneTimeBot.Core.Security;

namespace OneTimeBot.Core.Tests.Security;

public sealed class OwnerOnlyFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("onetimebot-owner-only-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_development_secret_is_generated_once_into_an_owner_only_file_and_read_back_afterwards()
    {
        var path = Path.Combine(_directory, "keys", "dev-secret");
        var generated = 0;
        string Generate() => $"dev-secret-9c4e-{++generated}";

        var first = OwnerOnlyFile.ReadOrCreate(path, text => text.StartsWith("dev-secret-9c4e-", StringComparison.Ordinal), Generate);
        var second = OwnerOnlyFile.ReadOrCreate(path, text => text.StartsWith("dev-secret-9c4e-", StringComparison.Ordinal), Generate);

        Assert.Equal(("dev-secret-9c4e-1", true), first);
        Assert.Equal(("dev-secret-9c4e-1", false), second);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void A_file_holding_no_usable_secret_is_replaced_by_a_new_one()
    {
        var path = Path.Combine(_directory, "dev-secret");
        File.WriteAllText(path, "too short");

        var replaced = OwnerOnlyFile.ReadOrCreate(path, text => text.Length >= 16, () => "dev-secret-long-enough-9c4e");

        Assert.Equal(("dev-secret-long-enough-9c4e", true), replaced);
        Assert.Equal("dev-secret-long-enough-9c4e", File.ReadAllText(path));
    }
}
