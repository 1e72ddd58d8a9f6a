namespace OneTimeBot.Slack.BlockKit;

/// <summary>
/// The <c>action_id</c> of every button the app sends: what the route table maps to a handler, and all a pressed
/// button tells the app besides its value.
/// </summary>
public static class ActionIds
{
    public const string OpenShareForm = "open_share_modal";
    public const string OpenGenerateForm = "open_generate_modal";
    public const string CheckStatus = "receipt_status";
    public const string Burn = "receipt_burn";

    /// <summary>Burn of a secret with a passphrase: opens a modal that asks for it, which is the confirmation too.</summary>
    public const string BurnWithPassphrase = "receipt_burn_passphrase";

    /// <summary>Send it securely, on a request for a secret; its value is the request id.</summary>
    public const string AnswerRequest = "answer_request";

    /// <summary>Decline, on a request for a secret; its value is the request id.</summary>
    public const string DeclineRequest = "decline_request";

    /// <summary>Burn on a list of recent links (the App Home tab, <c>recent</c>); its value is the link's tracked id.</summary>
    public const string HomeBurn = "home_burn";

    /// <summary>Opens the Request a secret modal.</summary>
    public const string OpenRequestForm = "open_request_form";
}
