using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace OneTimeBot.Architecture.Tests.Localization;

/// <summary>
/// Every language is complete: each <c>X.resx</c> (English) has an <c>X.sv.resx</c> with the same keys, no empty text and
/// the same placeholders, and every key the code asks for (<c>XStrings.Get("key")</c>, <c>XStrings.Format("key", …)</c>)
/// exists, and every key is asked for.
/// </summary>
public sealed partial class ResourceCompletenessTests
{
    /// <summary>The languages beside English; a new one is added here and in <c>Languages.Supported</c>.</summary>
    private static readonly string[] Translations = ["sv"];

    public static TheoryData<string> EnglishResources() => new(EnglishResxFiles().Select(SourceTree.Relative));

    [Fact]
    public void There_are_resources_to_check() => Assert.NotEmpty(EnglishResxFiles());

    [Theory]
    [MemberData(nameof(EnglishResources))]
    public void Every_language_has_every_key_with_text_and_the_same_placeholders(string englishResx)
    {
        var english = Read(Path.Combine(SourceTree.Root, englishResx));
        var problems = new List<string>();
        foreach (var language in Translations)
        {
            var path = Path.Combine(SourceTree.Root, englishResx[..^".resx".Length] + $".{language}.resx");
            if (!File.Exists(path))
            {
                problems.Add($"{language}: no {SourceTree.Relative(path)}");
                continue;
            }

            var translated = Read(path);
            problems.AddRange(english.Keys.Except(translated.Keys).Select(k => $"{language}: missing {k}"));
            problems.AddRange(translated.Keys.Except(english.Keys).Select(k => $"{language}: {k} is not in English"));
            foreach (var (key, text) in translated.Where(t => english.ContainsKey(t.Key)))
            {
                if (string.IsNullOrWhiteSpace(text))
                {
                    problems.Add($"{language}: {key} is empty");
                }
                else if (!Placeholders(text).SetEquals(Placeholders(english[key])))
                {
                    problems.Add($"{language}: {key} has placeholders {string.Join(",", Placeholders(text))}, English {string.Join(",", Placeholders(english[key]))}");
                }
            }
        }

        problems.AddRange(english.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => $"en: {e.Key} is empty"));
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Every_key_the_code_asks_for_exists_and_every_key_is_asked_for()
    {
        var asked = SourceTree.ProductSources()
            .SelectMany(p => KeyUse().Matches(File.ReadAllText(p)).Select(m => (Catalog: m.Groups["catalog"].Value, Key: m.Groups["key"].Value, File: SourceTree.Relative(p))))
            .ToList();
        var catalogs = EnglishResxFiles().ToDictionary(p => Path.GetFileNameWithoutExtension(p), p => Read(p).Keys.ToHashSet(StringComparer.Ordinal));

        var problems = asked.Where(a => !catalogs.TryGetValue(a.Catalog, out var keys) || !keys.Contains(a.Key))
            .Select(a => $"{a.File}: {a.Catalog} has no key {a.Key}")
            .Concat(catalogs.SelectMany(c => c.Value.Where(k => !asked.Any(a => a.Catalog == c.Key && a.Key == k)).Select(k => $"{c.Key}: {k} is never asked for")))
            .ToList();

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    private static IEnumerable<string> EnglishResxFiles() =>
        Directory.EnumerateFiles(SourceTree.Src, "*.resx", SearchOption.AllDirectories)
            .Where(p => Path.GetFileNameWithoutExtension(p).IndexOf('.', StringComparison.Ordinal) < 0 &&
                        !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) &&
                        !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static Dictionary<string, string> Read(string path) =>
        XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    private static HashSet<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\b(?<catalog>\w+Strings)\.(?:Get|Format)\(\s*""(?<key>[^""]+)""")]
    private static partial Regex KeyUse();
}
