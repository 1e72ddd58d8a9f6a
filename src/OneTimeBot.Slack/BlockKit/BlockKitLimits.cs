using System.Text.Json.Nodes;

namespace OneTimeBot.Slack.BlockKit;

/// <summary>Block Kit's published limits, and a check of a whole message against them.</summary>
public static class BlockKitLimits
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

                    break;
                case "context":
                    if ((block["elements"]?.AsArray().Count ?? 0) > ContextElements)
                    {
                        problems.Add($"more than {ContextElements} context elements");
                    }

                    break;
                case "actions":
                    var elements = block["elements"]?.AsArray() ?? [];
                    if (elements.Count > ActionsElements)
                    {
                        problems.Add($"{elements.Count} actions, more than {ActionsElements}");
                    }

                    foreach (var button in elements.OfType<JsonObject>())
                    {
                        Check(problems, "button text", Text(button["text"]), ButtonText);
                        Check(problems, "button value", button["value"]?.GetValue<string>(), ButtonValue);
                        Check(problems, "button url", button["url"]?.GetValue<string>(), ButtonUrl);
                        Check(problems, "action_id", button["action_id"]?.GetValue<string>(), ActionId);
                    }

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

    private static string? Text(JsonNode? node) => node?["text"]?.GetValue<string>();

    private static void Check(List<string> problems, string what, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            problems.Add($"{what} of {value.Length} characters, more than {max}");
        }
    }
}
