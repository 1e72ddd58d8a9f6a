using Microsoft.AspNetCore.Http;

namespace OneTimeBot.Slack.Hosting;

/// <summary>
/// Endpoint metadata for <see cref="SlackSignatureFilter"/>: what the endpoint answers a request it cannot verify
/// because the replay check's store is down (each endpoint has the answer Slack handles best there), and whether it
/// takes Slack's unsigned <c>ssl_check</c>.
/// </summary>
internal sealed record SignedSlackEndpoint(IResult WhenStoreDown, bool AnswersSslCheck = false);
