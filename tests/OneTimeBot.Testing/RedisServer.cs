using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OneTimeBot.Testing;

/// <summary>
/// A real <c>redis-server</c> on a free loopback port, without persistence unless asked, for the tests of one assembly.
/// ./test.sh installs Debian's redis-server when it is missing; without it these tests fail and say so.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string _directory;
    private readonly bool _persistent;
    private Process _process;

    private RedisServer(Process process, int port, string directory, bool persistent)
    {
        _process = process;
        Port = port;
        _directory = directory;
        _persistent = persistent;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>Starts a server; a <paramref name="persistent"/> one keeps an append-only file, so it survives a restart.</summary>
    public static async Task<RedisServer> StartAsync(bool persistent = false)
    {
        var port = FreePort.Next();
        var directory = Directory.CreateTempSubdirectory("onetimebot-redis-").FullName;
        var server = new RedisServer(Launch(port, directory, persistent), port, directory, persistent);
        if (await server.AnswersAsync().ConfigureAwait(false))
        {
            return server;
        }

        await server.DisposeAsync().ConfigureAwait(false);
        throw new InvalidOperationException($"redis-server did not answer on port {port}");
    }

    /// <summary>Starts a stopped server again on the same port and data, as after an operator's restart.</summary>
    public async Task StartAgainAsync()
    {
        _process.Dispose();
        _process = Launch(Port, _directory, _persistent);
        if (!await AnswersAsync().ConfigureAwait(false))
        {
            throw new InvalidOperationException($"redis-server did not come back on port {Port}");
        }
    }

    /// <summary>Stops the server as an operator would, leaving it down.</summary>
    public async Task StopAsync()
    {
        try
        {
            await CommandAsync("SHUTDOWN").ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
        {
            // SHUTDOWN closes the connection instead of answering.
        }

        if (!_process.WaitForExit(10_000))
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync().ConfigureAwait(false);
    }

    private static Process Launch(int port, string directory, bool persistent)
    {
        var executable = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("redis-server is not installed; run ./test.sh, which installs it, or apt-get install redis-server.");
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory,
        };
        foreach (var arg in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", persistent ? "yes" : "no", "--dir", directory, "--protected-mode", "yes" })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("redis-server did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task<bool> AnswersAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (await PingAsync().ConfigureAwait(false))
            {
                return true;
            }

            await Task.Delay(50).ConfigureAwait(false);
        }

        return false;
    }

    /// <summary>Sends one command in RESP and returns the raw reply; enough for test assertions without a client library.</summary>
    public async Task<string> CommandAsync(params string[] parts)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, Port).ConfigureAwait(false);
        var stream = client.GetStream();
        var request = new StringBuilder().Append('*').Append(parts.Length).Append("\r\n");
        foreach (var part in parts)
        {
            request.Append('$').Append(Encoding.UTF8.GetByteCount(part)).Append("\r\n").Append(part).Append("\r\n");
        }

        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString())).ConfigureAwait(false);

        // Read until the reply is whole by RESP's own lengths: a pause between packets on a busy machine is no end.
        var reply = new MemoryStream();
        var buffer = new byte[64 * 1024];
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (RespReply.End(reply.GetBuffer().AsSpan(0, (int)reply.Length), 0) is null)
        {
            var read = await stream.ReadAsync(buffer, cts.Token).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            reply.Write(buffer, 0, read);
        }

        return Encoding.UTF8.GetString(reply.GetBuffer(), 0, (int)reply.Length);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public async Task<bool> PingAsync()
    {
        try
        {
            return (await CommandAsync("PING").ConfigureAwait(false)).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
