using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Storage;
using OneTimeBot.Core.Tracking;
using OneTimeBot.Core.Workspaces;

namespace OneTimeBot.Core.Tests.Storage;

/// <summary>
/// Receipts and tracked links are written through build-time metadata (<see cref="StateJsonContext"/>) where they were
/// written through reflection: every row either version wrote must read the same in both, so the stored text must not
/// change by a byte.
/// </summary>
public sealed class StateJsonContextTests
{
    // What StateJson.Options was when rows were written through reflection alone, spelt out so this test keeps it.
    private static readonly JsonSerializerOptions ReflectionOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly DateTimeOffset Made = new(2026, 12, 1, 6, 0, 0, 123, TimeSpan.Zero);

    public static TheoryData<ReceiptRecord> Receipts() =>
    [
        new ReceiptRecord("0abc", new WorkspaceId(ChatPlatform.Slack, "T024BE7LD"), "U1", "eu", "v3.c2VhbGVk", Made, Made.AddDays(7), TimeSpan.FromDays(7), false, null, false),
        new ReceiptRecord("0abc", new WorkspaceId(ChatPlatform.Teams, "72f988bf-86f1-41af-91ab-2d7cd011db47"), "29:1a-b", "https://ots.example/ä?x=\"1\"&y=<2>", "v3.c2VhbGVk+/=",
            new DateTimeOffset(2026, 3, 1, 9, 30, 15, TimeSpan.FromHours(-5)), Made.AddSeconds(90), TimeSpan.FromSeconds(90.5), true, "jo*****n@e*****.com 'Jo' \u00e9\u2028", true)
        {
            TrackedId = "0tracked",
            ProtectedMetadataKey = "CfDJ8-metadata",
            ProtectedSecretLink = "CfDJ8-link",
        },
    ];

    public static TheoryData<TrackedShare> Shares() =>
    [
        new TrackedShare("0t", new WorkspaceId(ChatPlatform.Slack, "T1"), "U1", null, null, "eu", "eu.onetimesecret.com", "v1.c2VhbGVk",
            null, Made, Made.AddDays(1), TimeSpan.FromDays(1), false, false, Made),
        new TrackedShare("0t", new WorkspaceId(ChatPlatform.Teams, "tenant"), "29:1a", new ChatReach("E1", "https://smba.example/emea/", "28:bot", "29:1a", "Ana \"Å\" <ana>", "sv-SE"),
            new Person("U2", "Bö & Co"), "embedded", "bot.example", "v1.c2VhbGVk+/=", "9f86d081884c7d65", Made, Made.AddMinutes(5), TimeSpan.FromMinutes(5), true, true,
            new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.FromHours(1)))
        {
            // Kept apart from the document: these must not reach it either way.
            Status = SecretStatus.Viewed,
            StatusChangedAt = Made,
            NotificationClaimedUntil = Made,
            Notification = NotificationOutcome.Sent,
            NextPollAt = Made.AddMinutes(1),
        },
        new TrackedShare("0t", new WorkspaceId(ChatPlatform.Slack, "E1"), "U1", new ChatReach(), new Person("U2"), "eu", "eu.onetimesecret.com", "v1.x",
            null, Made, Made.AddDays(1), TimeSpan.FromDays(1), false, false, Made),
    ];

    public static TheoryData<Person?> People() => [new Person("U2"), new Person("U2", "Bö \"B\" <b>"), null];

    [Theory]
    [MemberData(nameof(Receipts))]
    public void A_receipt_is_stored_as_the_same_text_and_reads_back_the_same_either_way(ReceiptRecord receipt)
    {
        AssertSameBothWays(receipt, StateJsonContext.Default.ReceiptRecord);
    }

    [Theory]
    [MemberData(nameof(Shares))]
    public void A_tracked_link_is_stored_as_the_same_text_and_reads_back_the_same_either_way(TrackedShare share)
    {
        AssertSameBothWays(share, StateJsonContext.Default.TrackedShare);
        Assert.DoesNotContain("status", StateJson.Write(share, StateJsonContext.Default.TrackedShare), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(People))]
    public void A_recipient_is_stored_as_the_same_text_and_reads_back_the_same_either_way(Person? person)
    {
        AssertSameBothWays(person, StateJsonContext.Default.Person!);
    }

    [Fact]
    public void A_receipt_from_before_tracking_and_sealing_reads_as_it_always_did()
    {
        const string legacy = """
            {"id":"r0000000000000000000000001","workspace":{"platform":"Slack","id":"T1","key":"slack:T1"},"ownerUserId":"U1",
             "backend":"eu","protectedKeys":"","created":"2025-01-01T00:00:00+00:00","expiresAt":"2025-01-02T00:00:00+00:00",
             "ttl":"1.00:00:00","passphraseRequired":false,"recipient":null,"generated":false,"keepUntil":"2025-01-03T00:00:00+00:00",
             "protectedMetadataKey":"CfDJ8-m","protectedSecretLink":"CfDJ8-l"}
            """;

        var read = StateJson.Read(legacy, StateJsonContext.Default.ReceiptRecord);

        Assert.Equal(JsonSerializer.Deserialize<ReceiptRecord>(legacy, ReflectionOptions), read);
        Assert.Equal("CfDJ8-l", read!.ProtectedSecretLink);
        Assert.Null(read.TrackedId);
    }

    [Fact]
    public void A_tracked_link_from_before_it_had_a_recorded_time_reads_as_recorded_at_the_start_of_time()
    {
        const string older = """
            {"id":"0t","workspace":{"platform":0,"id":"T1"},"ownerUserId":"U1","ownerReach":null,"sentTo":{"userId":"U2"},
             "backend":"eu","backendHost":"eu.onetimesecret.com","sealedMetadataKey":"v1.x","backendReceiptId":null,
             "created":"2025-01-01T00:00:00Z","expiresAt":"2025-01-02T00:00:00Z","ttl":"1.00:00:00","passphraseRequired":false,"generated":false}
            """;

        var read = StateJson.Read(older, StateJsonContext.Default.TrackedShare);

        Assert.Equal(JsonSerializer.Deserialize<TrackedShare>(older, ReflectionOptions), read);
        Assert.Equal(default, read!.Recorded);
        Assert.Equal(ChatPlatform.Slack, read.Workspace.Platform);
    }

    private static void AssertSameBothWays<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        var before = JsonSerializer.Serialize(value, ReflectionOptions);

        var now = StateJson.Write(value, typeInfo);

        Assert.Equal(before, now);
        Assert.Equal(Encoding.UTF8.GetBytes(before), StateJson.WriteUtf8(value, typeInfo));
        // What this version writes reads back as before, and what the last one wrote reads here as it did there.
        Assert.Equal(JsonSerializer.Deserialize<T>(now, ReflectionOptions), StateJson.Read(before, typeInfo));
        Assert.Equal(StateJson.Write(StateJson.Read(before, typeInfo)!, typeInfo), before);
    }
}
