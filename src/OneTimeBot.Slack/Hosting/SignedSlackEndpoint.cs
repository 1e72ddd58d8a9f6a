using Microsoft.AspNetCore.Http;

namespace OneTimeBot.Slack.Hosting;

/// <summary>
/// Endpoint metadata for <see cref="SlackSignatureFilter"/>: what the endpoint answers a request it cannot verify
/// because the replay check's store is down (each endpoint has the answer Slack handles best there), and whether it
/// takes Slack's unsigned <c>ssl_check</c>. The answer is made in the current language, which the filter sets.
/// </summary>
internal sealed record SignedSlackEndpoint(Func<IResult> WhenStoreDown, bool AnswersSslCheck = false);
