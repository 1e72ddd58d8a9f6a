namespace OneTimeBot.Host.Hosting.Shutdown;

/// <summary>
/// Section <c>Host</c>: how the host stops on SIGTERM. It first answers <c>/readyz</c> with 503 for
/// <see cref="DrainDelay"/>, still serving, so that a load balancer takes it out of rotation before anything is refused;
/// then the server stops taking requests and the follow-ups still running (cards on their way to Slack's response_url,
/// Teams replies) get what is left of <see cref="ShutdownTimeout"/>.
/// </summary>
public sealed class ShutdownOptions
{
    public const string SectionName = "Host";

    /// <summary>The longest a whole stop may take, drain included; also the host's own <c>HostOptions.ShutdownTimeout</c>.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long <c>/readyz</c> answers 503 before the server stops taking requests: at least what the load balancer needs
    /// to see it (its check interval times the failures it waits for).
    /// </summary>
    public TimeSpan DrainDelay { get; set; } = TimeSpan.FromSeconds(5);
}
