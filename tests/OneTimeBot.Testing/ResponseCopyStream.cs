using System.Text;

namespace OneTimeBot.Testing;

/// <summary>
/// A response body that passes every write straight on and keeps a copy of the first bytes, so a note-taker can read
/// what a host answered without changing when or how it answers.
/// </summary>
internal sealed class ResponseCopyStream(Stream inner, int limit) : Stream
{
    private readonly MemoryStream _copy = new();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>What was written so far (up to the limit), as UTF-8 text.</summary>
    public string Text => Encoding.UTF8.GetString(_copy.GetBuffer(), 0, (int)_copy.Length);

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Keep(buffer);
        inner.Write(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Keep(buffer.Span);
        return inner.WriteAsync(buffer, cancellationToken);
    }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _copy.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Keep(ReadOnlySpan<byte> buffer)
    {
        var room = limit - (int)_copy.Length;
        if (room > 0)
        {
            _copy.Write(buffer[..Math.Min(room, buffer.Length)]);
        }
    }
}
