namespace OneTimeBot.Core.Sharing;

/// <summary>How many secrets one person, and one whole workspace, may create per minute; 0 turns a limit off.</summary>
public sealed class CreationLimitsOptions
{
    public const string SectionName = "CreationLimits";

    public int PerUserPerMinute { get; set; } = 10;

    public int PerWorkspacePerMinute { get; set; } = 200;
}
