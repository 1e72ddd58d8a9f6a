using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Workspaces;

namespace OneTimeBot.Core.Tests.Workspaces;

/// <summary>One reader for the settings form of every platform.</summary>
public sealed class SettingsFormReaderTests
{
    [Fact]
    public void A_filled_form_becomes_the_change_the_admin_asked_for()
    {
        var change = SettingsFormReader.Read(new Form(new()
        {
            [SettingsFields.Backend] = "eu",
            [SettingsFields.Username] = "ops@acme.example",
            [SettingsFields.ApiToken] = "tok-Zq81-form-reader",
            [SettingsFields.DefaultTtl] = "1h",
            [SettingsFields.MaxTtl] = "7d",
        })).Value!;

        Assert.Equal("eu", change.Backend);
        Assert.Equal("ops@acme.example", change.Username);
        Assert.Equal("tok-Zq81-form-reader", change.ApiToken!.Reveal());
        Assert.False(change.ClearApiToken);
        Assert.Equal(TimeSpan.FromHours(1), change.DefaultTtl);
        Assert.Equal(TimeSpan.FromDays(7), change.MaxTtl);
    }

    [Fact]
    public void An_emptied_username_clears_it_and_one_the_form_did_not_show_is_left_alone()
    {
        var emptied = SettingsFormReader.Read(new Form(new() { [SettingsFields.Username] = null })).Value!;
        var notShown = SettingsFormReader.Read(new Form([])).Value!;

        Assert.Equal("", emptied.Username);
        Assert.Null(notShown.Username);
    }

    [Fact]
    public void Your_own_server_takes_its_address_from_the_custom_field_and_asks_for_it_when_missing()
    {
        var named = SettingsFormReader.Read(new Form(new() { [SettingsFields.Backend] = SettingsFields.CustomBackend, [SettingsFields.CustomUrl] = "https://secrets.acme.example" })).Value!;
        var missing = SettingsFormReader.Read(new Form(new() { [SettingsFields.Backend] = SettingsFields.CustomBackend })).Error!;

        Assert.Equal("https://secrets.acme.example", named.Backend);
        Assert.Equal(SettingsFields.CustomUrl, missing.Field);
        Assert.Equal(SharingErrorKind.InvalidInput, missing.Kind);
    }

    [Fact]
    public void A_ticked_clear_box_clears_the_token()
    {
        Assert.True(SettingsFormReader.Read(new Form(new() { [SettingsFields.ClearToken] = "ticked" }, ticked: SettingsFields.ClearToken)).Value!.ClearApiToken);
    }

    private sealed class Form(Dictionary<string, string?> values, string? ticked = null) : ISettingsFormValues
    {
        public string? Text(string id) => values.GetValueOrDefault(id) is { Length: > 0 } v ? v : null;

        public bool Has(string id) => values.ContainsKey(id);

        public bool IsChecked(string id) => id == ticked;
    }
}
