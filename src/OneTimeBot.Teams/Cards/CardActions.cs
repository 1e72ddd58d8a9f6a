namespace OneTimeBot.Teams.Cards;

/// <summary>The keys of the data OneTimeBot's Action.Submit buttons carry, and the <c>action</c> values (verbs) that say which button it was.</summary>
public static class CardActions
{
    public const string Key = "action";
    public const string ReceiptKey = "receiptId";

    /// <summary>The request a Send it securely or Decline button concerns.</summary>
    public const string RequestKey = "requestId";

    /// <summary>The ids of the inputs a form showed, space-separated, on its submit button.</summary>
    public const string ShownInputsKey = "shownInputs";

    public const string Share = "share";
    public const string Generate = "generate";
    public const string Status = "status";
    public const string Burn = "burn";
    public const string OpenShareForm = "openShareForm";
    public const string OpenGenerateForm = "openGenerateForm";
    public const string SaveConfig = "saveConfig";

    /// <summary>Send it securely, on a request for a secret.</summary>
    public const string AnswerRequest = "answerRequest";

    /// <summary>Decline, on a request for a secret.</summary>
    public const string DeclineRequest = "declineRequest";

    /// <summary>Opens the form that asks someone for a secret.</summary>
    public const string OpenRequestForm = "openRequestForm";

    /// <summary>Sends the request that form filled in.</summary>
    public const string SubmitRequest = "submitRequest";

    /// <summary>Sends the secret the answer form holds, for the request it names.</summary>
    public const string SubmitAnswer = "submitAnswer";
    /// <summary>Burn on the card of recent links; its data names the link by <see cref="TrackedKey"/>.</summary>
    public const string RecentBurn = "recentBurn";
    public const string TrackedKey = "trackedId";
}
