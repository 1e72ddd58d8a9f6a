using System.Collections.Concurrent;
using System.Net;
using OneTimeSecret.Client.Network;

namespace OneTimeBot.Testing;

/// <summary>
/// A DNS that answers what a test says: one answer per name, or a sequence of answers, one per lookup (the last one
/// repeats), as a rebinding attacker's name server would give them. Names it does not know do not resolve.
/// </summary>
public sealed class FixedHostAddresses : IHostAddressResolver
{
    private readonly ConcurrentDictionary<string, Queue<IPAddress[]>> _answers = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<string> _lookups = new();

    /// <summary>Every name looked up, in order.</summary>
    public IReadOnlyList<string> Lookups => _lookups.ToArray();

    public FixedHostAddresses Answer(string host, params string[][] answers)
    {
        _answers[host] = new Queue<IPAddress[]>(answers.Select(a => a.Select(IPAddress.Parse).ToArray()));
        return this;
    }

    public FixedHostAddresses Answer(string host, string address) => Answer(host, [address]);

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        _lookups.Enqueue(host);
        if (!_answers.TryGetValue(host, out var queue))
        {
            throw new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.HostNotFound);
        }

        lock (queue)
        {
            return Task.FromResult(queue.Count > 1 ? queue.Dequeue() : queue.Peek());
        }
    }
}
