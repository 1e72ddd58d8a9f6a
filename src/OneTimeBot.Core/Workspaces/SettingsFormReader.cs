using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Expiry;
using OneTimeBot.Core.Localization;
using OneTimeSecret.Client;

namespace OneTimeBot.Core.Workspaces;

/// <summary>Turns a submitted settings form, from any platform, into the change an admin asked for.</summary>
public static class SettingsFormReader
{
    public static Result<WorkspaceSettingsChange, SharingError> Read(ISettingsFormValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var backend = values.Text(SettingsFields.Backend);
        if (backend == SettingsFields.CustomBackend)
        {
            backend = values.Text(SettingsFields.CustomUrl);
            if (backend is null)
            {
                return new SharingError(SharingErrorKind.InvalidInput, CoreStrings.Get("Error.Settings.CustomUrl.Missing.Message"), CoreStrings.Get("Error.Settings.CustomUrl.Missing.Hint"), SettingsFields.CustomUrl);
            }
        }

        TimeSpan? Ttl(string id) => values.Text(id) is { } v && Expiry.Ttl.TryParse(v, out var t) ? t : null;

        return Result<WorkspaceSettingsChange, SharingError>.Success(new WorkspaceSettingsChange(
            Backend: backend,
            // An emptied field clears the username; a field the form did not show (the backend is pinned) leaves it alone.
            Username: values.Has(SettingsFields.Username) ? values.Text(SettingsFields.Username) ?? "" : null,
            ApiToken: SecretText.FromOptional(values.Text(SettingsFields.ApiToken)),
            ClearApiToken: values.IsChecked(SettingsFields.ClearToken),
            DefaultTtl: Ttl(SettingsFields.DefaultTtl),
            MaxTtl: Ttl(SettingsFields.MaxTtl),
            // An unticked box sends nothing: shown and unticked means off, not shown (pinned) leaves it alone.
            NotifyOwners: values.Has(SettingsFields.NotifyOwners) ? values.IsChecked(SettingsFields.NotifyOwners) : null));
    }
}
