using Microsoft.Extensions.Options;
using OneTimeBot.Teams.Activities;
using OneTimeBot.Teams.Configuration;

namespace OneTimeBot.Teams.Auth;

/// <summary>
/// The tenants the bot serves: <see cref="TeamsOptions.TenantId"/> for a single-tenant bot, else
/// <see cref="TeamsOptions.AllowedTenants"/> (empty: any). A valid Bot Framework token says the activity came through
/// Bot Framework for this bot, not from which organisation; that is the activity's own tenant, checked here.
/// </summary>
public sealed class TenantAllowList
{
    private readonly HashSet<Guid> _allowed;

    public TenantAllowList(IOptions<TeamsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        _allowed = Guid.TryParse(o.TenantId, out var single)
            ? [single]
            : [.. o.AllowedTenants.Select(t => Guid.TryParse(t, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty)];
    }

    /// <summary>Null when the activity may be handled; else why not, with its tenant as it may be logged.</summary>
    public TenantRefusal? Check(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var (conversation, channelData) = (activity.ConversationTenantId, activity.ChannelDataTenantId);
        if (conversation is not null && channelData is not null && !SameTenant(conversation, channelData))
        {
            // Which of the two would a handler believe? Neither: the tenant decides whose settings and credentials apply.
            return new TenantRefusal(Loggable(conversation) + " / " + Loggable(channelData), "conversation.tenantId and channelData.tenant.id disagree");
        }

        if (_allowed.Count == 0)
        {
            return null;
        }

        var tenant = conversation ?? channelData;
        if (tenant is null)
        {
            return new TenantRefusal("none", "the activity names no tenant");
        }

        return Guid.TryParse(tenant, out var id) && _allowed.Contains(id)
            ? null
            : new TenantRefusal(Loggable(tenant), "the tenant is not Teams:TenantId or in Teams:AllowedTenants");
    }

    private static bool SameTenant(string a, string b) =>
        Guid.TryParse(a, out var x) && Guid.TryParse(b, out var y) ? x == y : string.Equals(a, b, StringComparison.Ordinal);

    /// <summary>A tenant id as it may go into a log line: a GUID, never whatever else the activity carried.</summary>
    private static string Loggable(string tenant) => Guid.TryParse(tenant, out var id) ? id.ToString("D") : "not a GUID";
}

/// <summary>Why an activity's tenant was refused, and which tenant (a GUID, or a placeholder) for the log.</summary>
public sealed record TenantRefusal(string Tenant, string Reason);
