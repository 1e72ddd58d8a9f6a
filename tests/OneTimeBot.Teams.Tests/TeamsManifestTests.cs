using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using OneTimeBot.Core.Commands;
using OneTimeBot.Teams.Activities;
using OneTimeBot.Testing;

namespace OneTimeBot.Teams.Tests;

/// <summary>manifests/teams is a valid app package for Microsoft's schema, with icons Teams accepts.</summary>
public sealed class TeamsManifestTests
{
    private static readonly string Folder = RepositoryRoot.Combine("manifests", "teams");

    private static async Task<JsonObject> ValidateAsync(string manifestPath)
    {
        var (exitCode, output, errors) = await NodeScript.RunAsync("validate-teams-manifest.js", manifestPath);
        Assert.True(exitCode == 0, errors);
        return (JsonObject)JsonNode.Parse(output)!;
    }

    [Fact]
    public async Task The_manifest_is_valid_for_the_official_schema_of_its_version()
    {
        var result = await ValidateAsync(Path.Combine(Folder, "manifest.json"));

        Assert.True(result["valid"]!.GetValue<bool>(), result["errors"]!.ToJsonString());
        Assert.Contains("v1.24", result["schema"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_schema_check_does_catch_a_broken_manifest()
    {
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Folder, "manifest.json")))!.AsObject();
        manifest["name"]!["short"] = new string('x', 40);
        manifest["composeExtensions"]![0]!["commands"]![0]!["type"] = "sometimes";
        var broken = Path.Combine(Directory.CreateTempSubdirectory("teams-manifest-").FullName, "manifest.json");
        await File.WriteAllTextAsync(broken, manifest.ToJsonString());

        var result = await ValidateAsync(broken);

        Assert.False(result["valid"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_bot_and_both_action_commands_are_declared_as_the_code_handles_them()
    {
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Folder, "manifest.json")))!;

        Assert.Equal(["personal", "team", "groupChat"], manifest["bots"]![0]!["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        var commands = manifest["composeExtensions"]![0]!["commands"]!.AsArray();
        Assert.Equal([TeamsNames.ShareSecretCommand, TeamsNames.GeneratePasswordCommand], commands.Select(c => c!["id"]!.GetValue<string>()));
        Assert.All(commands, c =>
        {
            Assert.Equal("action", c!["type"]!.GetValue<string>());
            Assert.True(c["fetchTask"]!.GetValue<bool>());
            Assert.Equal(["compose", "commandBox", "message"], c["context"]!.AsArray().Select(x => x!.GetValue<string>()));
        });
    }

    [Fact]
    public async Task The_bots_personal_command_list_offers_every_command_the_chat_accepts()
    {
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Folder, "manifest.json")))!;
        var listed = manifest["bots"]![0]!["commandLists"]!.AsArray()
            .Where(l => l!["scopes"]!.AsArray().Any(s => s!.GetValue<string>() == "personal"))
            .SelectMany(l => l!["commands"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()));
        // Only the declarations are read: no command runs, so no sharing service is needed.
        var offered = new BotCommands(sharing: null!, links: null!, requests: null!, notifications: null!, recent: null!).All.Where(c => c.Usages.Any(u => !u.SlashCommandOnly)).Select(c => c.Name);

        Assert.Equal(offered.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("color.png", 192, false)]
    [InlineData("outline.png", 32, true)]
    public void The_icons_have_the_sizes_teams_requires_and_the_outline_is_transparent(string file, int size, bool transparent)
    {
        var (width, height, pixels) = ReadRgba(Path.Combine(Folder, file));

        Assert.Equal((size, size), (width, height));
        var corner = pixels[3];
        Assert.Equal(transparent, corner == 0);
        if (transparent)
        {
            // Outline icons are white on transparent: every pixel is either fully clear or white.
            for (var i = 0; i < pixels.Length; i += 4)
            {
                Assert.True(pixels[i + 3] == 0 || (pixels[i] == 255 && pixels[i + 1] == 255 && pixels[i + 2] == 255), $"pixel {i / 4}");
            }
        }
    }

    [Fact]
    public async Task The_package_script_fills_in_the_host_and_app_id_and_zips_a_valid_manifest_with_its_icons()
    {
        var output = Path.Combine(Directory.CreateTempSubdirectory("teams-package-").FullName, "package.zip");
        var script = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { RepositoryRoot.Combine("scripts", "package-teams-app.sh"), "https://bot.contoso.example", TeamsApp.AppId, output })
        {
            script.ArgumentList.Add(argument);
        }

        using (var process = Process.Start(script)!)
        {
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync());
        }

        using var zip = ZipFile.OpenRead(output);
        Assert.Equal(["manifest.json", "color.png", "outline.png", "sv.json"], zip.Entries.Select(e => e.FullName));
        var extracted = Path.Combine(Path.GetDirectoryName(output)!, "manifest.json");
        zip.GetEntry("manifest.json")!.ExtractToFile(extracted);
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(extracted))!;
        Assert.Equal(TeamsApp.AppId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal(TeamsApp.AppId, manifest["composeExtensions"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal("bot.contoso.example", manifest["validDomains"]![0]!.GetValue<string>());
        Assert.DoesNotContain("example.com", manifest.ToJsonString(), StringComparison.Ordinal);
        Assert.True((await ValidateAsync(extracted))["valid"]!.GetValue<bool>());
    }

    /// <summary>Reads an 8-bit RGBA PNG whose rows are unfiltered, as scripts/make-teams-icons.py writes them.</summary>
    private static (int Width, int Height, byte[] Pixels) ReadRgba(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var width = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16));
        var height = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20));
        Assert.Equal(8, bytes[24]); // bit depth
        Assert.Equal(6, bytes[25]); // colour type: RGBA, so it can be transparent
        using var idat = new MemoryStream();
        for (var at = 8; at < bytes.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at));
            if (bytes.AsSpan(at + 4, 4).SequenceEqual("IDAT"u8))
            {
                idat.Write(bytes, at + 8, length);
            }

            at += length + 12;
        }

        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionMode.Decompress))
        {
            z.CopyTo(inflated);
        }

        var raw = inflated.ToArray();
        var pixels = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            Assert.Equal(0, raw[y * (width * 4 + 1)]);
            Array.Copy(raw, y * (width * 4 + 1) + 1, pixels, y * width * 4, width * 4);
        }

        return (width, height, pixels);
    }
}
