using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Testing;
using OneTimeSecret.Client;

namespace OneTimeBot.Host.Tests;

/// <summary>"Share a secret for workspace W as user U" picks W's backend and W's account.</summary>
public sealed class PerWorkspaceBackendTests
{
    private static readonly WorkspaceId Alpha = new(ChatPlatform.Slack, "T0ALPHA");
    private static readonly WorkspaceId Beta = new(ChatPlatform.Teams, "beta-tenant-0001");

    [Fact]
    public async Task Share_generate_status_and_burn_run_on_the_embedded_service_and_on_an_account_at_a_remote_service_per_workspace()
    {
        await using var remote = await FakeOnetimeSecretServer.StartAsync();
        remote.RequiredBasicCredentials = "ops@beta.example:tok_beta_7c8d9e0f";
        var now = DateTimeOffset.UtcNow;
        remote.On("POST", "/api/v1/share", FakeResponse.Json(OtsAnswers.Receipt("new", now, 3600)));
        remote.On("POST", "/api/v1/generate", FakeResponse.Json(OtsAnswers.Receipt("new", now, 600, value: "Gen3rated!Value")));
        remote.On("GET", "/api/v1/private/" + OtsAnswers.MetadataKey, FakeResponse.Json(OtsAnswers.Receipt("received", now, 3600, withSecretKey: false)));
        remote.On("POST", $"/api/v1/private/{OtsAnswers.MetadataKey}/burn", FakeResponse.Json(OtsAnswers.Burned(now, 600)));
        // Beta's secret service is the operator's choice (a local server, which only the operator may choose); Beta's
        // admin adds the account.
        await using var host = new HostFactory(new Dictionary<string, string?> { ["Workspaces:teams:beta-tenant-0001:Backend"] = remote.BaseUri.ToString() }, kestrel: true);
        host.StartServer();
        var sharing = host.Services.GetRequiredService<SharingService>();
        var settings = host.Services.GetRequiredService<WorkspaceSettingsService>();
        var configured = await settings.UpdateAsync(new Actor(Beta, "admin"), new WorkspaceSettingsChange(
            Username: "ops@beta.example", ApiToken: new SecretText("tok_beta_7c8d9e0f")), default);
        var alice = new Actor(Alpha, "U0ALICE");
        var bea = new Actor(Beta, "29:bea");

        var alphaShared = (await sharing.ShareAsync(alice, new ShareInput(new SecretText("alpha secret"), "1h"), null, default)).Value!;
        var betaShared = (await sharing.ShareAsync(bea, new ShareInput(new SecretText("beta secret"), "1h"), null, default)).Value!;
        var alphaGenerated = (await sharing.GenerateAsync(alice, new GenerateInput("10m", "16"), null, default)).Value!;
        var betaGenerated = (await sharing.GenerateAsync(bea, new GenerateInput("10m", "16"), null, default)).Value!;
        var alphaStatus = (await sharing.StatusAsync(alice, alphaShared.ReceiptId, null, default)).Value!;
        var betaStatus = (await sharing.StatusAsync(bea, betaShared.ReceiptId, null, default)).Value!;
        var alphaBurned = (await sharing.BurnAsync(alice, alphaGenerated.ReceiptId, null, null, default)).Value!;
        var betaBurned = (await sharing.BurnAsync(bea, betaGenerated.ReceiptId, null, null, default)).Value!;
        var intruder = await sharing.BurnAsync(new Actor(Alpha, "U0MALLORY"), alphaShared.ReceiptId, null, null, default);

        Assert.True(configured.IsSuccess);
        Assert.Equal(host.Port, alphaShared.Link!.Port);
        Assert.Equal(remote.BaseUri.Port, betaShared.Link!.Port);
        Assert.Equal(SecretStatus.New, alphaStatus.Status);
        Assert.Equal(alphaShared.Link, alphaStatus.Link);
        Assert.Equal(SecretStatus.Viewed, betaStatus.Status);
        Assert.True(alphaGenerated.Generated && betaGenerated.Generated);
        Assert.Equal(SecretStatus.Burned, alphaBurned.Status);
        Assert.Equal(SecretStatus.Burned, betaBurned.Status);
        Assert.Equal(SharingErrorKind.NotOwner, intruder.Error!.Kind);

        // The remote service saw Beta's account on every call and never Alpha's secrets; the embedded one kept Alpha's.
        Assert.Equal(4, remote.Requests.Count);
        Assert.All(remote.Requests, r => Assert.Equal("ops@beta.example:tok_beta_7c8d9e0f", r.BasicCredentials));
        Assert.Equal("beta secret", remote.Requests[0].Form["secret"]);
        Assert.DoesNotContain(remote.Requests, r => r.Body.Contains("alpha", StringComparison.Ordinal));
        using var browser = new HttpClient();
        var revealed = await browser.PostAsync(alphaShared.Link, new FormUrlEncodedContent([]));
        Assert.Contains("alpha secret", await revealed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("tok_beta_7c8d9e0f", host.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("Gen3rated!Value", host.Logs.AllText, StringComparison.Ordinal);
    }
}
