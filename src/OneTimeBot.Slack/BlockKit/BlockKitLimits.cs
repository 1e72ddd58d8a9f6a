namespace OneTimeBot.Slack.BlockKit;

/// <summary>The Block Kit limits the renderers cut text and lists to, so that Slack never refuses a reply for length.</summary>
public static class BlockKitLimits
{
    public const int HeaderText = 150;
    public const int SectionText = 3000;
    public const int SectionFields = 10;
    public const int FieldText = 2000;
    public const int ContextElements = 10;
    public const int ButtonText = 75;
    public const int ConfirmTitle = 100;
    public const int ConfirmText = 300;
    public const int ConfirmButton = 30;
}
