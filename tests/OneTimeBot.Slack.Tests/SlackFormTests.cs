using System.Text;
using CsCheck;
using Microsoft.AspNetCore.WebUtilities;
using OneTimeBot.Slack.Hosting;
using OneTimeBot.Slack.Payloads;

namespace OneTimeBot.Slack.Tests;

/// <summary>
/// A posted form's fields, read from its bytes, are what ASP.NET Core's <see cref="QueryHelpers.ParseQuery(string)"/>
/// reads from the same body: the same value for a field given once, and none for a field missing or repeated.
/// </summary>
public sealed class SlackFormTests
{
    private static readonly string[] Names = ["text", "user_id", "t", ""];

    [Theory]
    [InlineData("text=share+hunter2&user_id=U0ALICE")]
    [InlineData("text=%E2%82%AC+%F0%9F%98%80+caf%C3%A9+%e2%82%ac")]
    [InlineData("text=café 😀 plain")]
    [InlineData("text=%2B%26%3D%25%3F+a%2bb")]
    [InlineData("text=%00%0A%7F%EF%BB%BF%E2%80%AE%EF%BF%BF%F4%8F%BF%BF")]
    [InlineData("text=%")]
    [InlineData("text=%4")]
    [InlineData("text=%zz+and+%4g")]
    [InlineData("text=100%+sure")]
    [InlineData("text=%%41")]
    [InlineData("text=%C3")]
    [InlineData("text=%C3%28")]
    [InlineData("text=%C3+%A9")]
    [InlineData("text=%FF%FE+x")]
    [InlineData("text=%ED%A0%80")]
    [InlineData("text=%C0%AF")]
    [InlineData("text=%E2%82")]
    [InlineData("text=a%C3%A9%C3&user_id=%F0%9F%98")]
    [InlineData("text=a&text=b")]
    [InlineData("text=a&TEXT=b&user_id=U1")]
    [InlineData("text=&text=")]
    [InlineData("text=a&te%78t=b")]
    [InlineData("text")]
    [InlineData("text&text=a")]
    [InlineData("text&user_id")]
    [InlineData("text=")]
    [InlineData("TEXT=upper&User_Id=mixed")]
    [InlineData("?text=x")]
    [InlineData("??text=x")]
    [InlineData(" text=x&user_id =y")]
    [InlineData("=x&t=1")]
    [InlineData("=&&text=x&&")]
    [InlineData("text==x&user_id=a=b")]
    [InlineData("te%78t=escaped+name&t+=spaced")]
    [InlineData("t%=x&t%4=y")]
    [InlineData("")]
    [InlineData("&")]
    [InlineData("?")]
    public void Fields_read_as_ParseQuery_reads_them(string body) => AssertReadsAsParseQuery(Encoding.UTF8.GetBytes(body));

    [Theory]
    [InlineData(new byte[] { (byte)'t', (byte)'=', 0xC3, (byte)'&', (byte)'t', (byte)'e', (byte)'x', (byte)'t', (byte)'=', 0xFF })]
    [InlineData(new byte[] { (byte)'t', (byte)'=', 0xC3, (byte)'%', (byte)'A', (byte)'9' })]
    [InlineData(new byte[] { (byte)'t', (byte)'=', (byte)'%', (byte)'C', (byte)'3', 0xA9, (byte)'+' })]
    [InlineData(new byte[] { (byte)'t', (byte)'e', (byte)'x', (byte)'t', 0x80, (byte)'=', (byte)'x' })]
    [InlineData(new byte[] { 0xE2, 0x82, (byte)'=', (byte)'x', (byte)'&', (byte)'t', (byte)'=', 0xF0, 0x9F, 0x98, 0x80 })]
    public void Bytes_that_are_no_UTF8_read_as_ParseQuery_reads_them(byte[] body) => AssertReadsAsParseQuery(body);

    [Fact]
    public void A_long_escaped_value_reads_as_ParseQuery_reads_it()
    {
        var payload = "{\"type\":\"block_actions\",\"text\":\"" + string.Concat(Enumerable.Repeat("é€😀 &=+%", 200)) + "\"}";

        AssertReadsAsParseQuery(Encoding.UTF8.GetBytes("payload=" + Uri.EscapeDataString(payload) + "&text=%ZZ" + new string('a', 400)));
        Assert.Equal(payload, new SlackForm(Encoding.UTF8.GetBytes("payload=" + Uri.EscapeDataString(payload))).Single("payload"));
    }

    [Fact]
    public void Random_forms_read_as_ParseQuery_reads_them()
    {
        string[] tokens =
        [
            "text", "TEXT", "t", "user_id", "=", "=", "&", "&", "%", "+", "?", " ", "a", "A", "f", "0", "9", "g",
            "%C3", "%A9", "%c3%a9", "%E2%82%AC", "%F0%9F%98%80", "%ED%A0%80", "%FF", "%EF%BF%BF", "%00", "%25", "%2B", "%26",
            "%3D", "%74", "é", "😀", "\u00C3", "\t",
        ];
        var fromTokens = Gen.Int[0, tokens.Length + 2].Select(i => i < tokens.Length
            ? Encoding.UTF8.GetBytes(tokens[i])
            : [new byte[] { 0xC3, 0xFF, 0x80 }[i - tokens.Length]]).Array[0, 30].Select(parts => parts.SelectMany(p => p).ToArray());

        Gen.OneOf(fromTokens, Gen.Byte.Array[0, 60]).Sample(AssertReadsAsParseQuery, iter: 20_000);
    }

    [Fact]
    public void A_slash_command_is_the_same_read_from_the_bytes_as_from_ParseQuery()
    {
        var body = SlackRequests.CommandBody("share <@U0BOB|bob> p@ss w&rd 🙂 100% + more", new Uri("https://hooks.slack.com/commands/T0ALPHA/1/x?y=1&z=2"), enterprise: "E0ENT");

        var fromBytes = SlashCommand.From(new SlackForm(Encoding.UTF8.GetBytes(body)));

        Assert.NotNull(fromBytes);
        Assert.Equal(SlashCommand.From(QueryHelpers.ParseQuery(body)), fromBytes);
        Assert.Equal("share <@U0BOB|bob> p@ss w&rd 🙂 100% + more", fromBytes.Text);
    }

    private static void AssertReadsAsParseQuery(byte[] body)
    {
        var parsed = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        var form = new SlackForm(body);
        var read = new string?[Names.Length];
        form.Read(Names, read);
        foreach (var (name, i) in Names.Select((n, i) => (n, i)))
        {
            var expected = parsed.TryGetValue(name, out var values) && values.Count == 1 ? values[0] : null;
            Assert.True(expected == read[i], $"'{name}' read as {Show(read[i])}, ParseQuery reads {Show(expected)}, from {Convert.ToHexString(body)}");
            Assert.True(expected == form.Single(name), $"'{name}' alone read as {Show(form.Single(name))}, ParseQuery reads {Show(expected)}");
            Assert.True(parsed.ContainsKey(name) == form.Contains(name), $"'{name}' given: ParseQuery says {parsed.ContainsKey(name)}, from {Convert.ToHexString(body)}");
        }
    }

    private static string Show(string? value) => value is null ? "nothing" : "'" + Convert.ToHexString(Encoding.Unicode.GetBytes(value)) + "'";
}
