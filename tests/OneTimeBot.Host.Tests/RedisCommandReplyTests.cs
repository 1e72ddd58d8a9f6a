using System.Text;
using OneTimeBot.Testing;

namespace OneTimeBot.Host.Tests;

/// <summary>The test kit's raw Redis command reads a whole reply, however the bytes arrive, which many store tests rely on.</summary>
public sealed class RedisCommandReplyTests
{
    [Theory]
    [InlineData("+OK\r\n")]
    [InlineData("-ERR unknown command\r\n")]
    [InlineData(":42\r\n")]
    [InlineData("$-1\r\n")]
    [InlineData("$5\r\nhello\r\n")]
    [InlineData("$8\r\nwith\r\nin\r\n")]
    [InlineData("*0\r\n")]
    [InlineData("*-1\r\n")]
    [InlineData("*2\r\n$1\r\na\r\n*2\r\n:1\r\n$-1\r\n")]
    public void A_reply_is_whole_only_with_its_last_byte(string reply)
    {
        var bytes = Encoding.UTF8.GetBytes(reply);

        for (var cut = 0; cut < bytes.Length; cut++)
        {
            Assert.Null(RespReply.End(bytes.AsSpan(0, cut), 0));
        }

        Assert.Equal(bytes.Length, RespReply.End(bytes, 0));
    }

    [Fact]
    public async Task A_large_reply_from_a_real_server_comes_back_whole()
    {
        await using var redis = await RedisServer.StartAsync();
        var value = new string('v', 3 << 20);
        await redis.CommandAsync("SET", "large", value);

        var reply = await redis.CommandAsync("GET", "large");

        Assert.Equal($"${value.Length}\r\n{value}\r\n", reply);
    }
}
