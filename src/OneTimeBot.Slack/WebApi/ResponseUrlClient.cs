using Microsoft.Extensions.Logging;
using OneTimeBot.Slack.BlockKit;

namespace OneTimeBot.Slack.WebApi;

/// <summary>
/// Posts a reply to a <c>response_url</c>: the way to answer a command after its 3 s, and the only way to change an
/// ephemeral message. The URL itself is a credential for that conversation, so it is never logged.
/// </summary>
public sealed partial class ResponseUrlClient(HttpClient http, ILogger<ResponseUrlClient> logger)
{
    public const string HttpClientName = "SlackResponseUrl";

    public async Task<bool> PostAsync(Uri responseUrl, SlackReply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(responseUrl);
        ArgumentNullException.ThrowIfNull(reply);
        try
        {
            using var content = SlackApiClient.JsonContent(reply.ToUtf8Json());
            using var response = await http.PostAsync(responseUrl, content, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return true;
            }

            LogRefused((int)response.StatusCode);
            return false;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or TimeoutException or Polly.Timeout.TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(ex.GetType().Name);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Slack response_url refused the reply with HTTP {Status}")]
    private partial void LogRefused(int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Slack response_url could not be reached ({Failure})")]
    private partial void LogUnreachable(string failure);
}
