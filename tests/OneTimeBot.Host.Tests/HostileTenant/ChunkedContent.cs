using System.Net;

namespace OneTimeBot.Host.Tests.HostileTenant;

/// <summary>
/// A request body sent with <c>Transfer-Encoding: chunked</c> and no <c>Content-Length</c>, a piece at a time, as a
/// client streaming an upload would: the server learns its size only by reading it.
/// </summary>
internal sealed class ChunkedContent : HttpContent
{
    private const int Piece = 8 * 1024;
    private readonly byte[] _body;

    public ChunkedContent(byte[] body, string contentType)
    {
        _body = body;
        Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        for (var offset = 0; offset < _body.Length; offset += Piece)
        {
            await stream.WriteAsync(_body.AsMemory(offset, Math.Min(Piece, _body.Length - offset)));
            await stream.FlushAsync();
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
