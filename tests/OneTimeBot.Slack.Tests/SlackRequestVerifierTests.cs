using System.Text;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OneTimeBot.Core.Storage;
using OneTimeBot.Core.Storage.Sqlite;
using OneTimeBot.Slack.Verification;
using OneTimeBot.Testing.Slack;

namespace OneTimeBot.Slack.Tests;

public sealed class SlackRequestVerifierTests : IDisposable
{
    // Slack's published example (api.slack.com, "Verifying requests from Slack").
    private const string VectorSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const long VectorTimestamp = 1531420618;
    private const string VectorBody = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string VectorSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private readonly string _directory = Directory.CreateTempSubdirectory("onetimebot-slack-").FullName;
    private readonly SqliteDatabase _database;

    public SlackRequestVerifierTests()
    {
        _database = new SqliteDatabase(
            Options.Create(new StorageOptions { ConnectionString = "Data Source=" + Path.Combine(_directory, "state.db") }),
            new HostingEnvironment { ContentRootPath = _directory });
    }

    public void Dispose()
    {
        _database.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Slacks_published_example_is_valid_within_five_minutes_of_its_timestamp()
    {
        var verifier = Verifier(VectorSecret, DateTimeOffset.FromUnixTimeSeconds(VectorTimestamp + 120));

        var result = await verifier.VerifyAsync("1531420618", VectorSignature, Bytes(VectorBody), default);

        Assert.Equal(SlackVerification.Valid, result);
        Assert.Equal(VectorSignature, SlackSigning.Signature(VectorSecret, VectorTimestamp, Bytes(VectorBody).Span));
    }

    [Fact]
    public async Task A_body_changed_after_signing_is_refused_as_forged()
    {
        var verifier = Verifier(VectorSecret, DateTimeOffset.FromUnixTimeSeconds(VectorTimestamp));

        var result = await verifier.VerifyAsync("1531420618", VectorSignature, Bytes(VectorBody + "------"), default);

        Assert.Equal(SlackVerification.Forged, result);
    }

    [Fact]
    public async Task The_published_example_is_stale_on_a_real_clock()
    {
        var verifier = new SlackRequestVerifier(VectorSecret, new SqliteEventDeduplicator(_database, TimeProvider.System), TimeProvider.System);

        Assert.Equal(SlackVerification.Stale, await verifier.VerifyAsync("1531420618", VectorSignature, Bytes(VectorBody), default));
    }

    [Theory]
    [InlineData(-301, SlackVerification.Stale)]
    [InlineData(-299, SlackVerification.Valid)]
    [InlineData(299, SlackVerification.Valid)]
    [InlineData(301, SlackVerification.Stale)]
    public async Task Timestamps_more_than_five_minutes_from_now_either_way_are_refused(int offsetSeconds, SlackVerification expected)
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        var timestamp = now.ToUnixTimeSeconds() + offsetSeconds;
        var body = Bytes("command=%2Fonetime&text=help");

        var result = await Verifier("s3cret-signing", now).VerifyAsync(timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture), SlackSigning.Signature("s3cret-signing", timestamp, body.Span), body, default);

        Assert.Equal(expected, result);
    }

    [Theory]
    [InlineData(null, "v0=abc", SlackVerification.MissingHeaders)]
    [InlineData("1800000000", null, SlackVerification.MissingHeaders)]
    [InlineData("", "", SlackVerification.MissingHeaders)]
    [InlineData("18e8", "v0=00", SlackVerification.MalformedTimestamp)]
    [InlineData("-1800000000", "v0=00", SlackVerification.MalformedTimestamp)]
    [InlineData("1800000000.5", "v0=00", SlackVerification.MalformedTimestamp)]
    [InlineData("99999999999999999999999", "v0=00", SlackVerification.MalformedTimestamp)]
    [InlineData("1800000000", "v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", SlackVerification.UnsupportedVersion)]
    [InlineData("1800000000", "a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", SlackVerification.UnsupportedVersion)]
    [InlineData("1800000000", "v0=zz14d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", SlackVerification.Forged)]
    [InlineData("1800000000", "v0=a2114d57", SlackVerification.Forged)]
    [InlineData("1800000000", "v0=", SlackVerification.Forged)]
    public async Task Malformed_headers_are_refused_with_the_reason(string? timestamp, string? signature, SlackVerification expected)
    {
        var result = await Verifier("s3cret-signing", DateTimeOffset.FromUnixTimeSeconds(1_800_000_000)).VerifyAsync(timestamp, signature, Bytes("text=x"), default);

        Assert.Equal(expected, result);
    }

    [Fact]
    public async Task A_request_signed_with_another_secret_is_refused_as_forged()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        var body = Bytes("command=%2Fonetime&text=share+hunter2");

        var result = await Verifier("the-real-secret", now).VerifyAsync("1800000000", SlackSigning.Signature("an-attackers-guess", 1_800_000_000, body.Span), body, default);

        Assert.Equal(SlackVerification.Forged, result);
    }

    [Fact]
    public async Task An_exact_replay_of_a_valid_request_is_refused_the_second_time()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        var body = Bytes("command=%2Fonetime&text=share+hunter2");
        var signature = SlackSigning.Signature("s3cret-signing", 1_800_000_000, body.Span);
        var verifier = Verifier("s3cret-signing", now);

        var first = await verifier.VerifyAsync("1800000000", signature, body, default);
        var replay = await verifier.VerifyAsync("1800000000", signature, body, default);
        var differentRequest = await verifier.VerifyAsync("1800000001", SlackSigning.Signature("s3cret-signing", 1_800_000_001, body.Span), body, default);

        Assert.Equal(SlackVerification.Valid, first);
        Assert.Equal(SlackVerification.Replayed, replay);
        Assert.Equal(SlackVerification.Valid, differentRequest);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_signing_secret_is_a_configuration_error_never_a_skip(string secret)
    {
        Assert.ThrowsAny<ArgumentException>(() => new SlackRequestVerifier(secret, new SqliteEventDeduplicator(_database, TimeProvider.System), TimeProvider.System));
    }

    private SlackRequestVerifier Verifier(string secret, DateTimeOffset now)
    {
        var clock = new FakeTimeProvider(now);
        return new SlackRequestVerifier(secret, new SqliteEventDeduplicator(_database, clock), clock);
    }

    private static ReadOnlyMemory<byte> Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
