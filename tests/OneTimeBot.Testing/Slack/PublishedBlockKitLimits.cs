using System.Text.Json.Nodes;

namespace OneTimeBot.Testing.Slack;

/// <summary>
/// Slack's limits for messages and modals as Slack publishes them (the Block Kit reference at
/// https://api.slack.com/reference/block-kit and the <c>views.open</c> docs), written out here rather than taken from
/// the app's own constants, so that a check against them can catch the app getting a limit wrong.
/// </summary>
public static class PublishedBlockKitLimits
{
    public const int MessageBlocks = 50;
    public const int HeaderText = 150;
    public const int SectionText = 3000;
    public const int SectionFields = 10;
    public const int FieldText = 2000;
    public const int ContextElements = 10;
    public const int ActionsElements = 25;
    public const int ButtonText = 75;
    public const int ButtonValue = 2000;
    public const int ButtonUrl = 3000;
    public const int ActionId = 255;
    public const int ViewBlocks = 100;
    public const int ViewTitle = 24;
    public const int PrivateMetadata = 3000;
    public const int InputLabel = 2000;
    public const int InputHint = 2000;
    public const int InputMaxLength = 3000;
    public const int SelectOptions = 100;
    public const int OptionText = 75;
    public const int OptionValue = 150;
    public const int BlockId = 255;

    /// <summary>Every limit a modal view breaks, as sentences; empty when <c>views.open</c> will accept it.</summary>
    public static IReadOnlyList<string> ViewViolations(JsonObject view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var problems = new List<string>();
        if (view["type"]?.GetValue<string>() != "modal")
        {
            problems.Add("the view is not a modal");
        }

        Check(problems, "title", Text(view["title"]), ViewTitle);
        Check(problems, "submit", Text(view["submit"]), ViewTitle);
        Check(problems, "close", Text(view["close"]), ViewTitle);
        Check(problems, "private_metadata", view["private_metadata"]?.GetValue<string>(), PrivateMetadata);
        var blocks = view["blocks"]?.AsArray() ?? [];
        if (blocks.Count > ViewBlocks)
        {
            problems.Add($"{blocks.Count} blocks, more than {ViewBlocks}");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var block in blocks.OfType<JsonObject>())
        {
            if (block["block_id"]?.GetValue<string>() is { } id)
            {
                Check(problems, "block_id", id, BlockId);
                if (!ids.Add(id))
                {
                    problems.Add($"block_id '{id}' is used twice");
                }
            }

            if (block["type"]?.GetValue<string>() == "input")
            {
                InputViolations(problems, block);
            }
        }

        // The blocks other than inputs follow the message rules.
        var others = new JsonObject
        {
            ["text"] = "view",
            ["blocks"] = new JsonArray(blocks.OfType<JsonObject>().Where(b => b["type"]?.GetValue<string>() != "input").Select(b => (JsonNode?)b.DeepClone()).ToArray()),
        };
        problems.AddRange(Violations(others).Where(p => !p.Contains($"more than {MessageBlocks}", StringComparison.Ordinal)));
        return problems;
    }

    /// <summary>
    /// Every limit a home tab breaks, as sentences; empty when <c>views.publish</c> will accept it: a view of type
    /// <c>home</c> of at most <see cref="ViewBlocks"/> blocks, each following the message rules.
    /// </summary>
    public static IReadOnlyList<string> HomeViewViolations(JsonObject view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var problems = new List<string>();
        if (view["type"]?.GetValue<string>() != "home")
        {
            problems.Add("the view is not a home tab");
        }

        Check(problems, "private_metadata", view["private_metadata"]?.GetValue<string>(), PrivateMetadata);
        var blocks = view["blocks"]?.AsArray() ?? [];
        if (blocks.Count > ViewBlocks)
        {
            problems.Add($"{blocks.Count} blocks, more than {ViewBlocks}");
        }

        var asMessage = new JsonObject { ["text"] = "home", ["blocks"] = blocks.DeepClone() };
        problems.AddRange(Violations(asMessage).Where(p => !p.Contains($"more than {MessageBlocks}", StringComparison.Ordinal)));
        return problems;
    }

    /// <summary>Every limit the message breaks, as sentences; empty when Slack will accept it.</summary>
    public static IReadOnlyList<string> Violations(JsonObject message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var problems = new List<string>();
        if (message["text"]?.GetValue<string>() is not { Length: > 0 })
        {
            problems.Add("the message has no text fallback");
        }

        var blocks = message["blocks"]?.AsArray() ?? [];
        if (blocks.Count > MessageBlocks)
        {
            problems.Add($"{blocks.Count} blocks, more than {MessageBlocks}");
        }

        foreach (var block in blocks.OfType<JsonObject>())
        {
            var type = block["type"]?.GetValue<string>();
            switch (type)
            {
                case "header":
                    Check(problems, "header text", Text(block["text"]), HeaderText);
                    break;
                case "section":
                    SectionViolations(problems, block);
                    break;
                case "context":
                    if ((block["elements"]?.AsArray().Count ?? 0) > ContextElements)
                    {
                        problems.Add($"more than {ContextElements} context elements");
                    }

                    break;
                case "actions":
                    ActionsViolations(problems, block);
                    break;
                case "divider":
                    break;
                default:
                    problems.Add($"unknown block type '{type}'");
                    break;
            }
        }

        return problems;
    }

    private static void SectionViolations(List<string> problems, JsonObject block)
    {
        Check(problems, "section text", Text(block["text"]), SectionText);
        var fields = block["fields"]?.AsArray() ?? [];
        if (fields.Count > SectionFields)
        {
            problems.Add($"{fields.Count} section fields, more than {SectionFields}");
        }

        foreach (var field in fields)
        {
            Check(problems, "section field", Text(field), FieldText);
        }

        if (block["accessory"] is JsonObject button)
        {
            ButtonViolations(problems, button);
        }
    }

    private static void ActionsViolations(List<string> problems, JsonObject block)
    {
        var elements = block["elements"]?.AsArray() ?? [];
        if (elements.Count > ActionsElements)
        {
            problems.Add($"{elements.Count} actions, more than {ActionsElements}");
        }

        foreach (var button in elements.OfType<JsonObject>())
        {
            ButtonViolations(problems, button);
        }
    }

    private static void ButtonViolations(List<string> problems, JsonObject button)
    {
        Check(problems, "button text", Text(button["text"]), ButtonText);
        Check(problems, "button value", button["value"]?.GetValue<string>(), ButtonValue);
        Check(problems, "button url", button["url"]?.GetValue<string>(), ButtonUrl);
        Check(problems, "action_id", button["action_id"]?.GetValue<string>(), ActionId);
    }

    private static void InputViolations(List<string> problems, JsonObject block)
    {
        Check(problems, "input label", Text(block["label"]), InputLabel);
        Check(problems, "input hint", Text(block["hint"]), InputHint);
        var element = block["element"] as JsonObject;
        if (element?["type"]?.GetValue<string>() is not ("plain_text_input" or "email_text_input" or "number_input" or "static_select" or "users_select" or "checkboxes"))
        {
            problems.Add($"input '{block["block_id"]}' has an element Slack does not know here");
        }

        if (element?["max_length"] is JsonValue max && max.GetValue<int>() > InputMaxLength)
        {
            problems.Add($"input '{block["block_id"]}' allows more than {InputMaxLength} characters");
        }

        var options = element?["options"]?.AsArray() ?? [];
        if (options.Count > SelectOptions)
        {
            problems.Add($"input '{block["block_id"]}' has more than {SelectOptions} options");
        }

        foreach (var option in options)
        {
            Check(problems, "option text", Text(option?["text"]), OptionText);
            Check(problems, "option value", option?["value"]?.GetValue<string>(), OptionValue);
        }
    }

    private static string? Text(JsonNode? node) => node?["text"]?.GetValue<string>();

    private static void Check(List<string> problems, string what, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            problems.Add($"{what} of {value.Length} characters, more than {max}");
        }
    }
}
