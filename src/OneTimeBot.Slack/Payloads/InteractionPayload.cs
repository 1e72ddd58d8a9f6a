namespace OneTimeBot.Slack.Payloads;

/// <summary>A <c>block_actions</c> or <c>view_submission</c> payload (the JSON in the <c>payload</c> form field).</summary>
public sealed record InteractionPayload(
    string? Type,
    InteractionUser? User,
    IdOnly? Team,
    IdOnly? Enterprise,
    string? TriggerId,
    string? ResponseUrl,
    IReadOnlyList<BlockAction>? Actions,
    SlackView? View,
    IdOnly? Channel,
    bool IsEnterpriseInstall = false)
{
    /// <summary>The team a request acts in: the view's installed team first, then the team, then the user's.</summary>
    public string? TeamId => NonEmpty(View?.AppInstalledTeamId) ?? NonEmpty(Team?.Id) ?? NonEmpty(User?.TeamId) ?? NonEmpty(View?.TeamId);

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

public sealed record InteractionUser(string? Id, string? TeamId);

public sealed record IdOnly(string? Id);

public sealed record BlockAction(string? ActionId, string? BlockId, string? Value);

public sealed record SlackView(
    string? Id,
    string? CallbackId,
    string? PrivateMetadata,
    ViewState? State,
    string? TeamId,
    string? AppInstalledTeamId);

public sealed record ViewState(IReadOnlyDictionary<string, IReadOnlyDictionary<string, ViewValue>>? Values);

public sealed record ViewValue(string? Type, string? Value, SelectedOption? SelectedOption, IReadOnlyList<SelectedOption>? SelectedOptions)
{
    /// <summary>The user a <c>users_select</c> holds.</summary>
    public string? SelectedUser { get; init; }
}

public sealed record SelectedOption(string? Value);
