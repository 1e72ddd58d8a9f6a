using OneTimeBot.Core.Commands;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Localization;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Requests;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Tracking;
using OneTimeBot.Core.Workspaces;
using OneTimeSecret.Client;

namespace OneTimeBot.Core.Tests.Localization;

/// <summary>What a Swedish reader reads where the core does the talking, and that an English reader reads what they always did.</summary>
public sealed class SwedishCoreTextTests
{
    private static readonly DateTimeOffset Made = new(2026, 11, 30, 11, 6, 0, TimeSpan.Zero);

    private static readonly WorkspaceSettings Acme = new(
        new WorkspaceId(ChatPlatform.Slack, "T0ACME"), "eu", null, false, TimeSpan.FromDays(1), TimeSpan.FromDays(7), true, null, new HashSet<string>());

    private static SecretCard LiveCard(bool generated = false, bool passphrase = false) => new(
        "r3ceipt0ne", SecretStatus.New, new Uri("https://eu.onetimesecret.com/secret/k3yPf7uniqueSv"), Made.AddDays(2), TimeSpan.FromDays(2),
        passphrase, null, "eu.onetimesecret.com", generated);

    // A platform writes times its own way; these tests write one plainly.
    private static string At(DateTimeOffset at) => "[" + at.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) + "]";

    [Fact]
    public void A_swedish_reader_reads_a_live_secret_card_in_swedish()
    {
        using var swedish = LanguageScope.Use(Languages.Swedish);
        var card = LiveCard(passphrase: true);

        Assert.Equal("🔒 Din engångslänk är klar", SecretCardText.Title(card));
        Assert.Equal(("Går ut", "[11:06] (om 2 dagar)"), SecretCardText.ExpiryFact(card, At));
        Assert.Equal("Krävs: berätta den för mottagaren på annat sätt", SecretCardText.PassphraseFact(card));
        Assert.Equal("Engångslänk: https://eu.onetimesecret.com/secret/k3yPf7uniqueSv (går ut om 2 dagar)", SecretCardText.Fallback(card));
        Assert.Equal("Bränn nu", SecretCardText.BurnButton);
    }

    [Fact]
    public void A_swedish_reader_reads_what_became_of_a_spent_secret_and_its_lifetime()
    {
        using var swedish = LanguageScope.Use(Languages.Swedish);
        var card = LiveCard() with { Status = SecretStatus.Viewed, Link = null, Ttl = TimeSpan.FromHours(1), StatusChangedAt = Made };

        Assert.Equal("👀 Öppnad: hemligheten har visats och finns inte längre", SecretCardText.Title(card));
        Assert.Equal("Mottagaren öppnade länken [11:06]. Hemligheten finns inte längre kvar någonstans.", SecretCardText.StatusSentence(card, At));
        Assert.Equal(("Livslängd", "1 timme"), SecretCardText.ExpiryFact(card, At));
    }

    [Fact]
    public void An_english_reader_reads_the_secret_card_as_before()
    {
        using var english = LanguageScope.Use(Languages.English);
        var card = LiveCard(generated: true);

        Assert.Equal("🔑 Generated password, behind a one-time link", SecretCardText.Title(card));
        Assert.Equal(("Expires", "[11:06] (in 2 days)"), SecretCardText.ExpiryFact(card, At));
        Assert.Equal("One-time link: https://eu.onetimesecret.com/secret/k3yPf7uniqueSv (expires in 2 days)", SecretCardText.Fallback(card));
    }

    [Fact]
    public void A_backend_failure_tells_a_swedish_reader_what_happened_and_what_to_do()
    {
        using var swedish = LanguageScope.Use(Languages.Swedish);

        var limited = BackendErrors.From(new OtsFailure(OtsFailureKind.RateLimited, "Rate limit exceeded", 429, TimeSpan.FromSeconds(30)), "eu.onetimesecret.com");
        var down = BackendErrors.From(new OtsFailure(OtsFailureKind.Unavailable, "timeout"), "eu.onetimesecret.com");

        Assert.Equal("Hemlighetstjänsten på eu.onetimesecret.com begränsar antalet anrop just nu. Ingenting delades.", limited.Message);
        Assert.Equal("Försök igen om 30 sekunder.", limited.Hint);
        Assert.Equal("Hemlighetstjänsten på eu.onetimesecret.com svarar inte just nu. Ingenting delades.", down.Message);
        Assert.Equal("Försök igen om en minut. Om det fortsätter, säg till den som driver OneTimeBot.", down.Hint);
    }

    [Fact]
    public void An_english_reader_reads_backend_failures_as_before()
    {
        using var english = LanguageScope.Use(Languages.English);

        var limited = BackendErrors.From(new OtsFailure(OtsFailureKind.RateLimited, "Rate limit exceeded", 429, TimeSpan.FromSeconds(30)), "eu.onetimesecret.com");

        Assert.Equal("The secret service at eu.onetimesecret.com is limiting requests right now. Nothing was shared.", limited.Message);
        Assert.Equal("Try again in 30 seconds.", limited.Hint);
    }

    [Fact]
    public void A_wait_of_one_second_is_said_in_the_singular_in_both_languages()
    {
        var failure = new OtsFailure(OtsFailureKind.RateLimited, "Rate limit exceeded", 429, TimeSpan.FromMilliseconds(400));

        using (LanguageScope.Use(Languages.English))
        {
            Assert.Equal("Try again in 1 second.", BackendErrors.From(failure, "eu.onetimesecret.com").Hint);
        }

        using (LanguageScope.Use(Languages.Swedish))
        {
            Assert.Equal("Försök igen om 1 sekund.", BackendErrors.From(failure, "eu.onetimesecret.com").Hint);
        }
    }

    [Fact]
    public void A_swedish_reader_is_told_in_swedish_why_an_expiry_was_refused_with_the_durations_in_swedish()
    {
        using var swedish = LanguageScope.Use(Languages.Swedish);

        var refused = SharingRules.CheckTtl("2w", Acme);

        Assert.Equal("En utgångstid på 2 veckor är längre än arbetsytan tillåter (1 vecka).", refused.Error!.Message);
        Assert.Equal("Välj mellan 1 minut och 1 vecka, t.ex. 15m, 1h, 7d eller 1w.", refused.Error.Hint);
        Assert.Equal(SharingError.TtlField, refused.Error.Field);
    }

    [Fact]
    public void An_english_reader_is_told_why_an_expiry_was_refused_as_before()
    {
        using var english = LanguageScope.Use(Languages.English);

        var refused = SharingRules.CheckTtl("2w", Acme);

        Assert.Equal("An expiry of 2 weeks is longer than this workspace allows (1 week).", refused.Error!.Message);
        Assert.Equal("Choose between 1 minute and 1 week, e.g. 15m, 1h, 7d or 1w.", refused.Error.Hint);
    }

    [Fact]
    public void A_swedish_sender_is_told_in_swedish_that_their_link_was_opened()
    {
        using var swedish = LanguageScope.Use(Languages.Swedish);
        var opened = new LinkStatusChanged(SecretStatus.Viewed, Made, new Person("U0BOB"), Generated: true, Made.AddHours(-1));

        Assert.Equal("👀 Din länk har öppnats", DirectMessageText.StatusChangedTitle(opened));
        Assert.Equal("Din länk med ett genererat lösenord till @bob öppnades i dag. Hemligheten finns inte längre kvar någonstans.",
            DirectMessageText.StatusChangedSentence(opened, "@bob", "i dag"));
        Assert.Equal("Din länk till @bob har öppnats.", DirectMessageText.StatusChangedFallback(opened, "@bob"));
    }

    [Fact]
    public void A_swedish_recipient_reads_the_link_sent_to_them_in_swedish()
    {
        using var swedish = LanguageScope.Use(Languages.Swedish);
        var message = new LinkForYou(new Person("U0ADA"), LiveCard());

        Assert.Equal("🔒 En engångshemlighet till dig", DirectMessageText.LinkForYouTitle(message));
        Assert.Equal("Ada har skickat en engångslänk till dig: https://eu.onetimesecret.com/secret/k3yPf7uniqueSv (går ut om 2 dagar)",
            DirectMessageText.LinkForYouFallback(message, "Ada"));
    }

    [Fact]
    public void A_swedish_person_asked_for_a_secret_reads_the_request_in_swedish()
    {
        using var swedish = LanguageScope.Use(Languages.Swedish);

        Assert.Equal("🙋 Någon ber dig om en hemlighet", DirectMessageText.SecretAskedTitle);
        Assert.Equal("Ada ber dig om: lösenordet till staging-databasen", DirectMessageText.AsksYouFor("Ada", "lösenordet till staging-databasen"));
        Assert.Equal("Avböj", DirectMessageText.DeclineButton);
    }

    [Fact]
    public void Swedish_notices_and_request_refusals_read_in_swedish_and_english_ones_as_before()
    {
        using (LanguageScope.Use(Languages.Swedish))
        {
            Assert.Equal("Du får inga meddelanden om dina länkar.", NotifyNotices.Currently(notify: false).Message);
            Assert.Equal("Skriv inte hemligheter i meddelanden: de ligger kvar i chattens historik, där sökningar och exporter kan hitta dem.", Notices.SecretTypedInChat.Message);
            Assert.Equal("Du har redan skickat en hemlighet för den här förfrågan.", RequestRules.AlreadyAnswered.Message);
        }

        using (LanguageScope.Use(Languages.English))
        {
            Assert.Equal("You don't get messages about your links.", NotifyNotices.Currently(notify: false).Message);
            Assert.Equal("You already sent a secret for this request.", RequestRules.AlreadyAnswered.Message);
        }
    }

    [Fact]
    public void A_swedish_reader_reads_their_recent_links_in_swedish()
    {
        using var swedish = LanguageScope.Use(Languages.Swedish);
        var link = new RecentLink("tr4ck3d", SecretStatus.Burned, Made, new Person("U0BOB"), Made.AddHours(-2), Made.AddDays(1), TimeSpan.FromDays(1),
            PassphraseRequired: true, Generated: false, "eu.onetimesecret.com");

        Assert.Equal("🔒 Hemlighet till @bob", RecentLinksText.Headline(link, p => "@bob"));
        Assert.Equal("🔥 Bränd [11:06] · delad [09:06] · lösenfras krävs", RecentLinksText.Status(link, At));
        Assert.Equal("Dina senaste länkar", RecentLinksText.Title);
    }

    [Fact]
    public void A_swedish_admin_reads_the_secret_service_choices_and_pinned_settings_in_swedish()
    {
        using var swedish = LanguageScope.Use(Languages.Swedish);

        Assert.Contains(("nz", "onetimesecret.com, Nya Zeeland"), BackendChoices.All);
        Assert.Contains((BackendChoices.Custom, "Din egen server"), BackendChoices.All);
        Assert.Equal("längsta utgångstid", BackendChoices.Describe(WorkspaceSettings.MaxTtlField));
    }
}
