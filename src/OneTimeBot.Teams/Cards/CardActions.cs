namespace OneTimeBot.Teams.Cards;

/// <summary>The <c>action</c> values OneTimeBot's Action.Submit buttons carry, and the input ids of its forms.</summary>
public static class CardActions
{
    public const string Key = "action";
    public const string ReceiptKey = "receiptId";
    public const string Share = "share";
    public const string Generate = "generate";
    public const string Status = "status";
    public const string Burn = "burn";
    public const string OpenShareForm = "openShareForm";
    public const string OpenGenerateForm = "openGenerateForm";
    public const string SaveConfig = "saveConfig";
}
