using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Tests.Storage;
using OneTimeBot.Core.Tracking;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Testing;
using OneTimeSecret.Client;
using static OneTimeBot.Testing.RecordedShapes;

namespace OneTimeBot.Core.Tests.Sharing;

/// <summary>
/// Check status looks up whom the link was sent to beside its backend call; when the backend fails and the look-up
/// fails too, the user is told the backend's failure and the look-up's failure is seen, never left to surface later
/// as an unobserved task exception.
/// </summary>
public sealed class StatusLookupTests : IAsyncLifetime
{
    private const string LookupFailure = "Jx6-sent-to-lookup-failure-0b7e";
    private static readonly WorkspaceId Acme = new(ChatPlatform.Slack, "T0ACME");
    private static readonly Actor Alice = new(Acme, "U0ALICE");
    private static readonly string ShareMadeNow = ShareWithIntegers.Replace("1324174006", "1764150000", StringComparison.Ordinal);

    private readonly ConcurrentQueue<Exception> _unobserved = new();
    private FakeOnetimeSecretServer _server = null!;
    private StateHarness _state = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeOnetimeSecretServer.StartAsync();
        _state = StateHarness.Start(null, new Dictionary<string, string?> { ["Workspaces:slack:T0ACME:Backend"] = _server.BaseUri.ToString() },
            now: DateTimeOffset.FromUnixTimeSeconds(1764150060),
            services: s => s.AddSingleton<ILinkTracking>(sp => new FailingSentTo(ActivatorUtilities.CreateInstance<LinkTracker>(sp))));
        TaskScheduler.UnobservedTaskException += Record;
    }

    public async Task DisposeAsync()
    {
        TaskScheduler.UnobservedTaskException -= Record;
        await _state.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_failing_backend_and_a_failing_recipient_lookup_tell_the_backends_failure_and_leave_no_unobserved_exception()
    {
        _server.On("POST", "/api/v1/share", FakeResponse.Json(ShareMadeNow));
        _server.On("GET", "/api/v1/private/" + OldMetadataKey, FakeResponse.Json("""{"message":"Server error"}""", 500));
        var card = (await _state.Sharing.ShareAsync(Alice, new ShareInput(new SecretText("Jx6-status-lookup-secret-4d2a")), null, default)).Value!;

        var status = await _state.Sharing.StatusAsync(Alice, card.ReceiptId, null, default);
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.NotNull(status.Error);
        Assert.DoesNotContain(_unobserved, e => e.ToString().Contains(LookupFailure, StringComparison.Ordinal));
    }

    private void Record(object? sender, UnobservedTaskExceptionEventArgs args) => _unobserved.Enqueue(args.Exception);

    /// <summary>Link tracking whose look-up of the recipient fails, as a store that went away would.</summary>
    private sealed class FailingSentTo(ILinkTracking inner) : ILinkTracking
    {
        public Task TrackAsync(string trackedId, NewLink link, CancellationToken cancellationToken) => inner.TrackAsync(trackedId, link, cancellationToken);

        public Task<bool> OwnerBurnStartingAsync(string trackedId, CancellationToken cancellationToken) => inner.OwnerBurnStartingAsync(trackedId, cancellationToken);

        public Task<bool> OwnerBurnEndedAsync(string trackedId, bool held, DateTimeOffset? burnedAt, CancellationToken cancellationToken) =>
            inner.OwnerBurnEndedAsync(trackedId, held, burnedAt, cancellationToken);

        public Task RecipientKnownAsync(string trackedId, Person? sentTo, CancellationToken cancellationToken) => inner.RecipientKnownAsync(trackedId, sentTo, cancellationToken);

        public async Task<Person?> SentToAsync(string trackedId, CancellationToken cancellationToken)
        {
            await Task.Yield();
            throw new InvalidOperationException(LookupFailure);
        }

        public Task<bool> OwnerSawAsync(string trackedId, SecretStatus status, DateTimeOffset at, CancellationToken cancellationToken) =>
            inner.OwnerSawAsync(trackedId, status, at, cancellationToken);
    }
}
