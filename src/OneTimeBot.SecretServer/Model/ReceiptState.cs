namespace OneTimeBot.SecretServer.Model;

/// <summary>Receipt states as v1 spells them on the wire.</summary>
public static class ReceiptState
{
    public const string New = "new";
    public const string Viewed = "viewed";
    public const string Received = "received";
    public const string Burned = "burned";
    public const string Expired = "expired";

    /// <summary>States in which the secret still exists and can be revealed or burned.</summary>
    public static bool SecretAlive(string state) => state is New or Viewed;
}
