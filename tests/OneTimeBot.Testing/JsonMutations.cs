using System.Text.Json.Nodes;
using CsCheck;

namespace OneTimeBot.Testing;

/// <summary>
/// Payloads as a broken or hostile client might send them: real shapes with random members deleted or replaced by
/// random JSON, so fuzzing reaches past the first parse into the handlers.
/// </summary>
public static class JsonMutations
{
    /// <summary>
    /// Random JSON values, with <paramref name="words"/> among the strings so known commands and ids turn up. The words
    /// are the bot's own vocabulary, not secrets, even where a mutation puts one in a secret's place.
    /// </summary>
    public static Gen<JsonNode?> Values(params string[] words)
    {
        foreach (var word in words)
        {
            TestRunLedger.Note(LedgerKind.Vocabulary, word);
        }

        return AnyValue(words);
    }

    // Random strings are at least 8 characters: one may land where a secret goes and be shared for real, and the run's
    // leak scan looks for shorter values only as whole words, which a 1-character "0" would be in every log line.
    private static Gen<JsonNode?> AnyValue(string[] words) => Gen.OneOf(
        Gen.Char.Array[8, 80].Select(c => (JsonNode?)JsonValue.Create(new string(c))),
        Gen.Int[0, words.Length - 1].Select(i => (JsonNode?)JsonValue.Create(words[i])),
        Gen.Long.Select(l => (JsonNode?)JsonValue.Create(l)),
        Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
        Gen.Bool.Select(_ => (JsonNode?)null),
        Gen.Bool.Select(_ => (JsonNode?)new JsonArray()),
        Gen.Bool.Select(_ => (JsonNode?)new JsonObject()));

    /// <summary>One of the templates with up to six members, anywhere in it, deleted or replaced; <paramref name="keep"/> are never touched.</summary>
    public static Gen<JsonObject> Of(JsonObject[] templates, Gen<JsonNode?> values, params string[] keep) =>
        Gen.Select(Gen.Int[0, templates.Length - 1], Gen.Int[0, 1000].Array[0, 6], values.Array[6], (t, picks, replacements) =>
        {
            var copy = (JsonObject)templates[t].DeepClone();
            for (var i = 0; i < picks.Length; i++)
            {
                var objects = Objects(copy).ToList();
                var target = objects[picks[i] % objects.Count];
                var keys = target.Select(p => p.Key).Where(k => !keep.Contains(k)).ToList();
                if (keys.Count == 0)
                {
                    continue;
                }

                var key = keys[picks[i] % keys.Count];
                if (picks[i] % 3 == 0)
                {
                    target.Remove(key);
                }
                else
                {
                    target[key] = replacements[i]?.DeepClone();
                }
            }

            return copy;
        });

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => node switch
    {
        JsonObject obj => new[] { obj }.Concat(obj.Select(p => p.Value).ToList().SelectMany(Objects)),
        JsonArray array => array.ToList().SelectMany(Objects),
        _ => [],
    };
}
