using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OneTimeBot.Teams.Tests;

/// <summary>A bot that proves itself to Microsoft login with a certificate instead of a client secret.</summary>
public sealed class CertificateCredentialTests
{
    [Fact]
    public async Task A_bot_with_a_certificate_gets_its_token_with_an_assertion_signed_by_that_certificate_and_sends_no_secret()
    {
        using var rsa = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=onetimebot-test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var folder = Directory.CreateTempSubdirectory("onetimebot-cert-").FullName;
        var file = Path.Combine(folder, "bot.pfx");
        await File.WriteAllBytesAsync(file, certificate.Export(X509ContentType.Pfx, "pfx-password-1234"));
        try
        {
            await using var app = await TeamsApp.StartAsync(new Dictionary<string, string?>
            {
                ["Teams:AppPassword"] = "",
                ["Teams:AppCertificateFile"] = file,
                ["Teams:AppCertificatePassword"] = "pfx-password-1234",
            });

            await app.SendAsync(app.Activity("message", "help"));
            var reply = (await app.BotFramework.WaitForCallsAsync(1))[0];
            var (endpoint, assertion) = Assert.Single(app.BotFramework.ClientAssertions);
            var validated = await new JsonWebTokenHandler().ValidateTokenAsync(assertion, new TokenValidationParameters
            {
                ValidIssuer = TeamsApp.AppId,
                ValidAudience = endpoint,
                IssuerSigningKey = new X509SecurityKey(certificate),
            });

            Assert.Equal("Bearer " + app.BotFramework.AccessToken, reply.Authorization);
            Assert.Equal($"botframework.com client_credentials {TeamsApp.AppId} https://api.botframework.com/.default secret:False", Assert.Single(app.BotFramework.TokenRequests));
            Assert.True(validated.IsValid, validated.Exception?.Message);
            Assert.Equal(TeamsApp.AppId, validated.ClaimsIdentity.FindFirst("sub")?.Value);
            // The certificate itself travels with the assertion (x5c), as Microsoft's subject-name/issuer auth needs.
            var x5c = System.Text.Json.Nodes.JsonNode.Parse(Base64UrlEncoder.Decode(((JsonWebToken)validated.SecurityToken).EncodedHeader))!["x5c"];
            Assert.Equal(Convert.ToBase64String(certificate.RawData), x5c is System.Text.Json.Nodes.JsonArray chain ? chain[0]!.GetValue<string>() : x5c!.GetValue<string>());
            app.AssertNowhere("pfx-password-1234");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
