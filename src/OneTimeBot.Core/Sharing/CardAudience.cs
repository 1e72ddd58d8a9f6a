namespace OneTimeBot.Core.Sharing;

/// <summary>Who reads a secret card: its sender alone (a private reply), or the people it is sent to as well.</summary>
public enum CardAudience
{
    /// <summary>A private reply to the person who shared the secret.</summary>
    Sender,

    /// <summary>A card put into a message, read by its recipients too.</summary>
    Shared,
}
