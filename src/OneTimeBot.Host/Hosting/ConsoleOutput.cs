using System.Text;

namespace OneTimeBot.Host.Hosting;

/// <summary>
/// Standard output with room for a whole log line. .NET's own <see cref="Console.Out"/> on Linux flushes through a
/// 256-byte buffer, so each JSON log line (about 1 KB with its scopes) left the process in five write calls: under
/// load, more system calls than any other thread of the host made but the SQLite writer's. Still flushed after every
/// write, so a line is out as soon as the logger has written it.
/// </summary>
public static class ConsoleOutput
{
    /// <summary>Larger than any log line the host writes; a longer one still goes out whole, in more than one call.</summary>
    public const int BufferSize = 64 * 1024;

    private static int _used;

    /// <summary>
    /// Puts the writer in <see cref="Console.Out"/> when the output goes to a pipe or a file (a log collector) in UTF-8;
    /// a terminal, or another encoding, keeps the console's own.
    /// </summary>
    public static void UseWholeLines()
    {
        // Once per process: a test process starts many hosts, and a writer put in before must stay where it is.
        if (Interlocked.Exchange(ref _used, 1) == 0 && Console.IsOutputRedirected && Console.OutputEncoding.CodePage == Encoding.UTF8.CodePage)
        {
            Console.SetOut(Over(Console.OpenStandardOutput()));
        }
    }

    /// <summary>A writer that hands <paramref name="output"/> each write whole, in UTF-8 without a byte-order mark.</summary>
    public static TextWriter Over(Stream output) =>
        new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), BufferSize) { AutoFlush = true };
}
