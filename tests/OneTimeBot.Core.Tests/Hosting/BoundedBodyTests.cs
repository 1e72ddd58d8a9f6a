using OneTimeBot.Core.Hosting;

namespace OneTimeBot.Core.Tests.Hosting;

/// <summary>
/// The raw body a signature is checked over: exactly the bytes sent, and none at all once they pass the limit, whether
/// the sender declared its length or not.
/// </summary>
public sealed class BoundedBodyTests
{
    private static readonly byte[] Body = "token=x&command=%2Fonetime&text=share"u8.ToArray();

    [Fact]
    public async Task A_body_of_its_declared_length_is_read_exactly()
    {
        Assert.Equal(Body, await BoundedBody.ReadAsync(new MemoryStream(Body), Body.Length, 64, CancellationToken.None));
    }

    [Fact]
    public async Task A_body_without_a_declared_length_is_read_whole()
    {
        var large = Enumerable.Range(0, 40_000).Select(i => (byte)i).ToArray();
        Assert.Equal(large, await BoundedBody.ReadAsync(new MemoryStream(large), null, 64 * 1024, CancellationToken.None));
    }

    [Fact]
    public async Task A_large_body_of_its_declared_length_is_read_whole()
    {
        var large = Enumerable.Range(0, 40_000).Select(i => (byte)(i * 7)).ToArray();
        Assert.Equal(large, await BoundedBody.ReadAsync(new MemoryStream(large), large.Length, 64 * 1024, CancellationToken.None));
        Assert.Null(await BoundedBody.ReadAsync(new MemoryStream(large), large.Length, 32 * 1024, CancellationToken.None));
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_is_refused_without_reading()
    {
        var stream = new MemoryStream(Body);
        Assert.Null(await BoundedBody.ReadAsync(stream, 65, 64, CancellationToken.None));
        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public async Task An_undeclared_body_over_the_limit_is_refused()
    {
        Assert.Null(await BoundedBody.ReadAsync(new MemoryStream(new byte[65]), null, 64, CancellationToken.None));
    }

    [Fact]
    public async Task A_body_longer_than_it_declared_is_refused()
    {
        Assert.Null(await BoundedBody.ReadAsync(new MemoryStream(Body), Body.Length - 1, 64, CancellationToken.None));
    }

    [Fact]
    public async Task A_body_shorter_than_it_declared_is_what_was_sent()
    {
        Assert.Equal(Body, await BoundedBody.ReadAsync(new MemoryStream(Body), Body.Length + 5, 64, CancellationToken.None));
    }

    [Fact]
    public async Task An_empty_body_is_empty()
    {
        Assert.Empty((await BoundedBody.ReadAsync(new MemoryStream(), 0, 64, CancellationToken.None))!);
        Assert.Empty((await BoundedBody.ReadAsync(new MemoryStream(), null, 64, CancellationToken.None))!);
    }
}
