using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OneTimeBot.Testing;

namespace OneTimeBot.Teams.Tests;

/// <summary>
/// The Teams app speaks Swedish in Teams itself: the manifest names English as its own language and a Swedish file that
/// Microsoft's localization schema accepts, which words every text a person sees in the app's listing, its bot commands
/// and its message extension.
/// </summary>
public sealed partial class TeamsManifestLocalizationTests
{
    private static readonly string Folder = RepositoryRoot.Combine("manifests", "teams");

    private static async Task<JsonObject> ValidateAsync(string path)
    {
        var (exitCode, output, errors) = await NodeScript.RunAsync("validate-teams-manifest.js", path);
        Assert.True(exitCode == 0, errors);
        return (JsonObject)JsonNode.Parse(output)!;
    }

    private static JsonObject Read(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, file)))!.AsObject();

    [Fact]
    public async Task The_manifest_is_in_english_and_names_a_swedish_file_valid_for_the_localization_schema_of_its_version()
    {
        var manifest = Read("manifest.json");
        var info = manifest["localizationInfo"]!;
        var swedish = info["additionalLanguages"]!.AsArray().Single(l => l!["languageTag"]!.GetValue<string>() == "sv")!["file"]!.GetValue<string>();

        var result = await ValidateAsync(Path.Combine(Folder, swedish));

        Assert.Equal("en", info["defaultLanguageTag"]!.GetValue<string>());
        Assert.True(result["valid"]!.GetValue<bool>(), result["errors"]!.ToJsonString());
        Assert.EndsWith($"v{manifest["manifestVersion"]!.GetValue<string>()}/MicrosoftTeams.Localization.schema.json", result["schema"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_localization_schema_check_does_catch_a_broken_swedish_file()
    {
        var broken = Read("sv.json");
        broken["description.short"] = new string('x', 81);
        broken["composeExtensions[0].commands[0].title"] = "Dela en hemlighet som en engångslänk nu";
        var path = Path.Combine(Directory.CreateTempSubdirectory("teams-localization-").FullName, "sv.json");
        await File.WriteAllTextAsync(path, broken.ToJsonString());

        var result = await ValidateAsync(path);

        Assert.False(result["valid"]!.GetValue<bool>());
        Assert.Equal(2, result["errors"]!.AsArray().Count);
    }

    [Fact]
    public void Every_text_a_person_reads_in_the_manifest_has_swedish_words_and_every_swedish_text_has_its_place()
    {
        var manifest = Read("manifest.json");
        var swedish = Read("sv.json").Where(p => p.Key != "$schema").ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
        // What Teams shows: the app's name and description, each bot command's description (its title is what the user
        // types, which stays the command's name), and each message extension command's title and description.
        var readable = new List<string> { "name.short", "name.full", "description.short", "description.full" };
        var commands = manifest["bots"]![0]!["commandLists"]![0]!["commands"]!.AsArray();
        readable.AddRange(Enumerable.Range(0, commands.Count).Select(i => $"bots[0].commandLists[0].commands[{i}].description"));
        var actions = manifest["composeExtensions"]![0]!["commands"]!.AsArray();
        readable.AddRange(Enumerable.Range(0, actions.Count).SelectMany(i => new[] { $"composeExtensions[0].commands[{i}].title", $"composeExtensions[0].commands[{i}].description" }));

        Assert.Equal(readable.Order(StringComparer.Ordinal), swedish.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, text) in swedish)
        {
            Assert.NotNull(At(manifest, key));
            Assert.True(key == "name.short" || text != At(manifest, key), $"{key} is still in English");
        }
    }

    /// <summary>The manifest's text at a localization key such as <c>bots[0].commandLists[0].commands[3].description</c>.</summary>
    private static string? At(JsonNode manifest, string key)
    {
        JsonNode? node = manifest;
        foreach (Match step in Step().Matches(key))
        {
            node = node?[step.Groups["name"].Value];
            if (step.Groups["index"].Success)
            {
                node = node?.AsArray().ElementAtOrDefault(int.Parse(step.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return node?.GetValue<string>();
    }

    [GeneratedRegex(@"(?<name>[A-Za-z]+)(?:\[(?<index>\d+)\])?")]
    private static partial Regex Step();
}
