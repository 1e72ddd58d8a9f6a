namespace OneTimeBot.Slack.Installations;

/// <summary>The bot scopes the app asks for, and why each: nothing more (the manifest lists the same).</summary>
public static class SlackScopes
{
    public static readonly IReadOnlyList<string> Bot =
    [
        "commands",   // /onetime
        "chat:write", // cards and help in the bot's DM
        "im:history", // read what people write to the bot in its DM (message.im)
        "im:write",   // open the DM a reply goes to
        "users:read", // users.info: only admins and owners may change settings
    ];
}
