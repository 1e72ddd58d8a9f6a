using System.Buffers;

namespace OneTimeBot.Core.Hosting;

/// <summary>Reads a request body whole, as raw bytes, but never more than a limit: a signature is checked over these bytes.</summary>
public static class BoundedBody
{
    /// <summary>The bytes, or null when the declared length or the bytes actually sent pass <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(Stream body, long? declaredLength, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (declaredLength > maxBytes)
        {
            return null;
        }

        return declaredLength is { } length and <= DeclaredUpTo
            ? await ReadDeclaredAsync(body, (int)length, cancellationToken).ConfigureAwait(false)
            : await ReadUndeclaredAsync(body, maxBytes, cancellationToken).ConfigureAwait(false);
    }

    // Room is taken for a declared length before a byte of the body has come, let alone been verified: only for lengths
    // as small as real commands and invokes, so that a client declaring the limit and then stalling holds no more.
    private const int DeclaredUpTo = 16 * 1024;

    // Almost every body says how long it is: read straight into an array of that size, with no copy and no buffer to clear.
    private static async Task<byte[]?> ReadDeclaredAsync(Stream body, int length, CancellationToken cancellationToken)
    {
        var bytes = new byte[length];
        var read = await body.ReadAtLeastAsync(bytes, length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (read < length)
        {
            // The sender stopped short of what it declared; what it did send is all there is to check.
            return bytes[..read];
        }

        // The server holds a body to its declared length, so nothing follows; a body longer than it said is refused.
        var beyond = new byte[1];
        return await body.ReadAsync(beyond, cancellationToken).ConfigureAwait(false) == 0 ? bytes : null;
    }

    private static async Task<byte[]?> ReadUndeclaredAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            // The chunk held part of a request that may carry a secret; it goes back to the pool cleared.
            ArrayPool<byte>.Shared.Return(chunk, clearArray: true);
        }

        return buffer.ToArray();
    }
}
