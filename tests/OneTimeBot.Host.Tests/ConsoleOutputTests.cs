using System.Text;
using OneTimeBot.Host.Hosting;

namespace OneTimeBot.Host.Tests;

public sealed class ConsoleOutputTests
{
    [Theory]
    [InlineData(1_100)] // a JSON log line with its scopes
    [InlineData(20_000)]
    public void A_log_line_reaches_the_output_in_one_write_as_soon_as_it_is_written(int length)
    {
        var output = new CountingStream();
        var writer = ConsoleOutput.Over(output);
        var line = "{\"Message\":\"" + new string('é', (length - 20) / 2) + "\"}\n";

        writer.Write(line);

        // Out at once (nothing waits in the buffer for a flush), in one call, as UTF-8 with no byte-order mark.
        Assert.Equal(1, output.Writes);
        Assert.Equal(line, Encoding.UTF8.GetString(output.ToArray()));
        Assert.NotEqual(0xEF, output.ToArray()[0]);
    }

    [Fact]
    public void Lines_written_one_after_another_each_go_out_in_one_write()
    {
        var output = new CountingStream();
        var writer = ConsoleOutput.Over(output);

        foreach (var n in Enumerable.Range(0, 3))
        {
            writer.Write($"line {n} " + new string('x', 1_000) + "\n");
        }

        Assert.Equal(3, output.Writes);
    }

    /// <summary>A pipe as the process's output sees it: each write call is one system call.</summary>
    private sealed class CountingStream : MemoryStream
    {
        public int Writes { get; private set; }

        // A span written to a type derived from MemoryStream comes here too, through Stream's own Write(span).
        public override void Write(byte[] buffer, int offset, int count)
        {
            Writes++;
            base.Write(buffer, offset, count);
        }
    }
}
