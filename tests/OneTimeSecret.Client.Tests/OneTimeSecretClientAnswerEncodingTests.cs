using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OneTimeSecret.Client.Tests;

/// <summary>
/// An answer is read in the encoding the server sent it in: UTF-8 with or without a byte-order mark, the charset it
/// declares, UTF-16 announced by its byte-order mark, and stray bytes that are not UTF-8 read as replacement characters
/// rather than refused.
/// </summary>
public sealed class OneTimeSecretClientAnswerEncodingTests
{
    private const string SecretKey = "153l8vbwqx5taskp92pf05uvgjefvu9";

    public static TheoryData<string, string?, byte[], string> Answers()
    {
        static byte[] Json(Encoding encoding, string customer) => encoding.GetBytes(
            $$"""{"custid":"{{customer}}","metadata_key":"qjpjroeit8wra0ojeyhcw5pjsgwtuq7","secret_key":"{{SecretKey}}","ttl":3600,"created":1324174006}""");

        static byte[] WithMark(Encoding encoding, string customer) => [.. encoding.GetPreamble(), .. Json(encoding, customer)];

        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var stray = Json(utf8, "ops-@-acme");
        stray[Array.IndexOf(stray, (byte)'@')] = 0xFF;
        return new()
        {
            { "UTF-8, no charset", null, Json(utf8, "Ünïcode ✓ ops"), "Ünïcode ✓ ops" },
            { "UTF-8 declared", "utf-8", Json(utf8, "Ünïcode ✓ ops"), "Ünïcode ✓ ops" },
            { "UTF-8 with a byte-order mark", null, WithMark(Encoding.UTF8, "Ünïcode ✓ ops"), "Ünïcode ✓ ops" },
            { "UTF-8 declared, with a byte-order mark", "UTF-8", WithMark(Encoding.UTF8, "Ünïcode ✓ ops"), "Ünïcode ✓ ops" },
            { "UTF-16 by its byte-order mark", null, WithMark(Encoding.Unicode, "Ünïcode ✓ ops"), "Ünïcode ✓ ops" },
            { "UTF-16 declared", "utf-16", WithMark(Encoding.Unicode, "Ünïcode ✓ ops"), "Ünïcode ✓ ops" },
            { "Latin-1 declared", "iso-8859-1", Json(Encoding.Latin1, "Ünïcode ops"), "Ünïcode ops" },
            { "a byte that is not UTF-8", null, stray, "ops-\uFFFD-acme" },
        };
    }

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task A_share_answer_is_read_in_the_encoding_it_was_sent_in(string sentAs, string? charset, byte[] body, string expectedCustomer)
    {
        await using var server = await RawServer.StartAsync(charset is null ? "application/json" : "application/json; charset=" + charset, body);
        await using var services = new ServiceCollection().AddLogging().AddOneTimeSecretClient().BuildServiceProvider();
        var connection = new OneTimeSecretConnection(server.BaseUri);

        var result = await services.GetRequiredService<IOneTimeSecretClient>().ShareAsync(connection, new ShareRequest(new SecretText("s3cret")));

        Assert.True(result.IsSuccess, sentAs + ": " + result.Error?.Message);
        Assert.Equal(expectedCustomer, result.Value!.CustomerId);
        Assert.Equal(new Uri(server.BaseUri, "secret/" + SecretKey), result.Value.SecretLink);
    }

    /// <summary>Answers every request with the same bytes and content type, as no string-writing server can.</summary>
    private sealed class RawServer(WebApplication app, Uri baseUri) : IAsyncDisposable
    {
        public Uri BaseUri { get; } = baseUri;

        public static async Task<RawServer> StartAsync(string contentType, byte[] body)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            app.Run(async context =>
            {
                context.Response.ContentType = contentType;
                await context.Response.Body.WriteAsync(body, context.RequestAborted);
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new RawServer(app, new Uri(address.TrimEnd('/') + "/"));
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
