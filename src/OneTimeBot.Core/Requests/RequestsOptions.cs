namespace OneTimeBot.Core.Requests;

/// <summary>
/// How long a request for a secret can be answered (<c>Requests:Ttl</c>), and how many requests one person, and one
/// whole workspace, may send per minute (0 turns a limit off): each request messages someone, so a runaway script
/// must not be able to flood a workspace with them.
/// </summary>
public sealed class RequestsOptions
{
    public const string SectionName = "Requests";

    public static readonly TimeSpan ShortestTtl = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan LongestTtl = TimeSpan.FromDays(30);

    public TimeSpan Ttl { get; set; } = TimeSpan.FromHours(24);

    public int PerUserPerMinute { get; set; } = 5;

    public int PerWorkspacePerMinute { get; set; } = 100;
}
