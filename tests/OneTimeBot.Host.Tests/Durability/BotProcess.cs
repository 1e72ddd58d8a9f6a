using System.Net;
using OneTimeBot.Testing;

namespace OneTimeBot.Host.Tests.Durability;

/// <summary>
/// The built host as its own process, started, killed and started again on the same port, keys and store, as an
/// operator (or a crashed machine and its service manager) would. A start is over when <c>/readyz</c> says the store
/// and the secret service answer. Each start gets a fresh HTTP client, since the old one's connections died with the
/// old process; the old one lives until then, so that answers already on their way when the host died are read.
/// </summary>
internal sealed class BotProcess(IReadOnlyDictionary<string, string> settings) : IAsyncDisposable
{
    // Generous: a loaded two-core machine has been seen taking many seconds to start a .NET process.
    private static readonly TimeSpan StartBudget = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan ExitBudget = TimeSpan.FromSeconds(60);

    private HostProcess? _running;
    private HttpClient? _http;
    private HostProcess? _last;

    public int Port { get; } = FreePort.Next();

    public Uri BaseUri => new($"http://127.0.0.1:{Port}/");

    /// <summary>Whether the host last started is running still (a stopping host runs until its stop is done).</summary>
    public bool IsRunning => _running is { ExitCode: null };

    /// <summary>What the host last started has printed so far, kept after it exits.</summary>
    public string Output => _last?.Output ?? "";

    /// <summary>Sends SIGTERM and returns at once, while the host stops (and, draining, still serves for a while).</summary>
    public Task TerminateAsync() => (_running ?? throw new InvalidOperationException("The host is not running.")).TerminateAsync();

    /// <summary>Waits until the host exits by itself, e.g. after <see cref="TerminateAsync"/>; its exit code.</summary>
    public async Task<int> WaitForExitAsync()
    {
        var running = _running ?? throw new InvalidOperationException("The host is not running.");
        var exitCode = await running.WaitForExitAsync(ExitBudget);
        Take();
        await running.DisposeAsync();
        return exitCode;
    }

    /// <summary>A client of the host last started, with redirects and cookies shown to the test rather than followed.</summary>
    public HttpClient Http => _http ?? throw new InvalidOperationException("The host was never started.");

    public async Task StartAsync()
    {
        if (_running is not null)
        {
            throw new InvalidOperationException("The host is already running.");
        }

        _running = _last = HostProcess.Start(settings, "--urls", $"http://127.0.0.1:{Port}");
        _http?.Dispose();
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseUri };
        await WaitUntilReadyAsync(_running, _http);
    }

    /// <summary><c>kill -9</c>: the host gets no chance to finish, flush or close anything.</summary>
    public async Task KillAsync()
    {
        var running = Take();
        await running.KillAsync(ExitBudget);
        await running.DisposeAsync();
    }

    /// <summary>A graceful stop (SIGTERM); the host's exit code.</summary>
    public async Task<int> StopAsync()
    {
        var running = Take();
        var exitCode = await running.StopAsync(ExitBudget);
        await running.DisposeAsync();
        return exitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (_running is not null)
        {
            await KillAsync();
        }

        _http?.Dispose();
    }

    private HostProcess Take()
    {
        var running = _running ?? throw new InvalidOperationException("The host is not running.");
        _running = null;
        return running;
    }

    private static async Task WaitUntilReadyAsync(HostProcess host, HttpClient http)
    {
        var deadline = DateTime.UtcNow + StartBudget;
        var lastAnswer = "none";
        while (DateTime.UtcNow < deadline)
        {
            if (host.ExitCode is { } exitCode)
            {
                throw new InvalidOperationException($"The host exited with {exitCode} while starting.");
            }

            try
            {
                using var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                lastAnswer = $"{(int)ready.StatusCode} {await ready.Content.ReadAsStringAsync()}";
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"The host was not ready within {StartBudget.TotalSeconds} s; /readyz last answered: {lastAnswer}");
    }
}
