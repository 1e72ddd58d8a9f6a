using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using OneTimeSecret.Client.Http;
using OneTimeSecret.Client.Network;
using OneTimeSecret.Client.Wire;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace OneTimeSecret.Client;

/// <summary>
/// The <see cref="IOneTimeSecretClient"/> over <see cref="HttpClient"/>s from the factory, whose resilience pipelines
/// (timeouts, retries, circuit breaker) are set up by
/// <see cref="OneTimeSecretServiceCollectionExtensions.AddOneTimeSecretClient(Microsoft.Extensions.DependencyInjection.IServiceCollection)"/>:
/// one for servers your own configuration names, one that reaches only public addresses for servers someone else
/// chose (<see cref="OneTimeSecretConnection.PublicOnly"/>). Bodies are form-encoded so secrets never enter a URL;
/// logs name the operation and host, never keys or values.
/// </summary>
/// <param name="httpClients">The factory of the named clients that <c>AddOneTimeSecretClient</c> registers.</param>
/// <param name="logger">Where each call's operation, host, status and duration are logged.</param>
/// <param name="timeProvider">
/// The clock that durations and a <c>Retry-After</c> date are read on; the <see cref="TimeProvider"/> registered with
/// dependency injection when there is one, <see cref="TimeProvider.System"/> when it is null. Use the same one the
/// resilience pipelines run on (see <see cref="OneTimeSecretServiceCollectionExtensions"/>).
/// </param>
public sealed partial class OneTimeSecretClient(IHttpClientFactory httpClients, ILogger<OneTimeSecretClient> logger, TimeProvider? timeProvider = null) : IOneTimeSecretClient
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <inheritdoc />
    public Task<Result<ServiceStatus, OtsFailure>> GetStatusAsync(OneTimeSecretConnection connection, CancellationToken cancellationToken = default) =>
        SendAsync(connection, OtsOperation.Status, HttpMethod.Get, null, null, (root, _) => OtsWireReader.Status(root), cancellationToken);

    /// <inheritdoc />
    public Task<Result<ServiceStatus, OtsFailure>> CheckAuthAsync(OneTimeSecretConnection connection, CancellationToken cancellationToken = default) =>
        SendAsync(connection, OtsOperation.AuthCheck, HttpMethod.Get, null, null, (root, _) => OtsWireReader.Status(root), cancellationToken);

    /// <inheritdoc />
    public Task<Result<SecretReceipt, OtsFailure>> ShareAsync(OneTimeSecretConnection connection, ShareRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var form = new List<KeyValuePair<string, string>> { new("secret", request.Secret.Reveal()) };
        AddCommon(form, request.Ttl, request.Passphrase, request.Recipient, request.ShareDomain);
        return SendAsync(connection, OtsOperation.Share, HttpMethod.Post, null, form, OtsWireReader.Receipt, cancellationToken);
    }

    /// <inheritdoc />
    public Task<Result<GeneratedSecret, OtsFailure>> GenerateAsync(OneTimeSecretConnection connection, GenerateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var form = new List<KeyValuePair<string, string>>();
        AddCommon(form, request.Ttl, request.Passphrase, request.Recipient, request.ShareDomain);
        if (request.Length is { } length)
        {
            form.Add(new("length", length.ToString(CultureInfo.InvariantCulture)));
        }

        return SendAsync(connection, OtsOperation.Generate, HttpMethod.Post, null, form, OtsWireReader.Generated, cancellationToken);
    }

    /// <inheritdoc />
    public Task<Result<RevealedSecret, OtsFailure>> RevealAsync(OneTimeSecretConnection connection, string secretKey, SecretText? passphrase = null, CancellationToken cancellationToken = default)
    {
        if (!OtsKeys.IsWellFormed(secretKey))
        {
            return Task.FromResult<Result<RevealedSecret, OtsFailure>>(NotAKey());
        }

        var form = new List<KeyValuePair<string, string>>();
        AddPassphrase(form, passphrase);
        return SendAsync(connection, OtsOperation.Reveal, HttpMethod.Post, "secret/" + secretKey, form, (root, _) => OtsWireReader.Revealed(root), cancellationToken);
    }

    /// <inheritdoc />
    public Task<Result<SecretReceipt, OtsFailure>> GetReceiptAsync(OneTimeSecretConnection connection, string metadataKey, CancellationToken cancellationToken = default) =>
        OtsKeys.IsWellFormed(metadataKey)
            ? SendAsync(connection, OtsOperation.Receipt, HttpMethod.Get, "private/" + metadataKey, null, OtsWireReader.Receipt, cancellationToken)
            : Task.FromResult<Result<SecretReceipt, OtsFailure>>(NotAKey());

    /// <inheritdoc />
    public Task<Result<SecretReceipt, OtsFailure>> BurnAsync(OneTimeSecretConnection connection, string metadataKey, SecretText? passphrase = null, CancellationToken cancellationToken = default)
    {
        if (!OtsKeys.IsWellFormed(metadataKey))
        {
            return Task.FromResult<Result<SecretReceipt, OtsFailure>>(NotAKey());
        }

        var form = new List<KeyValuePair<string, string>>();
        AddPassphrase(form, passphrase);
        return SendAsync(connection, OtsOperation.Burn, HttpMethod.Post, "private/" + metadataKey + "/burn", form, OtsWireReader.Burned, cancellationToken);
    }

    /// <inheritdoc />
    public Task<Result<IReadOnlyList<SecretReceipt>, OtsFailure>> GetRecentAsync(OneTimeSecretConnection connection, CancellationToken cancellationToken = default) =>
        SendAsync(connection, OtsOperation.Recent, HttpMethod.Get, null, null, OtsWireReader.Recent, cancellationToken);

    private async Task<Result<T, OtsFailure>> SendAsync<T>(
        OneTimeSecretConnection connection,
        OtsOperation operation,
        HttpMethod method,
        string? keyedPath,
        List<KeyValuePair<string, string>>? form,
        Func<JsonElement, OneTimeSecretConnection, T> read,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var parts = connection.CallParts;
        var host = parts.Host;
        var started = _time.GetTimestamp();

        using var request = new HttpRequestMessage(method, keyedPath is null ? parts.Endpoint(operation) : parts.Endpoint(keyedPath));
        // As text: header objects parsed for each call would only be written back out as the same text.
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        if (parts.Authorization is { } authorization)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        if (form is not null)
        {
            request.Content = new FormUrlEncodedContent(form);
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            context.Properties.Set(OtsResilienceKeys.Retry, connection.WithoutRetries ? OtsRetry.Never : operation.Retry);
            if (connection.Budget is { } budget)
            {
                context.Properties.Set(OtsResilienceKeys.Budget, budget);
            }
            request.SetResilienceContext(context);

            var http = httpClients.CreateClient(connection.PublicOnly
                ? OneTimeSecretServiceCollectionExtensions.PublicOnlyHttpClientName
                : OneTimeSecretServiceCollectionExtensions.HttpClientName);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                var elapsed = _time.GetElapsedTime(started).TotalMilliseconds;
                var failure = OtsErrorClassifier.Classify(response, body, operation, connection, _time.GetUtcNow());

                LogFailed(operation.Name, host, failure.Kind, (int)response.StatusCode, elapsed);
                return failure;
            }

            try
            {
                using var document = await OtsResponseBody.ParseAsync(response.Content, cancellationToken).ConfigureAwait(false);
                var value = read(document.RootElement, connection);
                LogAnswered(operation.Name, host, (int)response.StatusCode, _time.GetElapsedTime(started).TotalMilliseconds);
                return Result<T, OtsFailure>.Success(value);
            }
            catch (Exception ex) when (ex is JsonException or OtsWireFormatException)
            {
                // Neither the body nor the parser's message is logged: either could quote a value.
                LogUnreadable(operation.Name, host, _time.GetElapsedTime(started).TotalMilliseconds);
                return new OtsFailure(OtsFailureKind.Unavailable, $"The server at {host} sent an answer that is not a Onetime Secret v1 response.", (int)response.StatusCode);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is TimeoutRejectedException or OperationCanceledException)
        {
            var elapsed = _time.GetElapsedTime(started).TotalMilliseconds;
            LogFailed(operation.Name, host, OtsFailureKind.Unavailable, null, elapsed);
            return new OtsFailure(OtsFailureKind.Unavailable, $"The Onetime Secret server at {host} did not answer in time.");
        }
        catch (BrokenCircuitException)
        {
            LogCircuitOpen(operation.Name, host);
            return new OtsFailure(OtsFailureKind.Unavailable, $"The Onetime Secret server at {host} is failing; calls are paused for a moment.");
        }
        catch (HttpRequestException ex) when (ex.InnerException is BackendAddressRefusedException)
        {
            LogRefused(operation.Name, host);
            return new OtsFailure(OtsFailureKind.AddressRefused, $"The Onetime Secret server at {host} is not on the public internet, so it is not connected to.");
        }
        catch (HttpRequestException ex)
        {
            var elapsed = _time.GetElapsedTime(started).TotalMilliseconds;
            LogUnreachable(operation.Name, host, ex.HttpRequestError, elapsed);
            return new OtsFailure(OtsFailureKind.Unavailable, $"The Onetime Secret server at {host} could not be reached.");
        }
        finally
        {
            request.SetResilienceContext(null);
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static void AddCommon(List<KeyValuePair<string, string>> form, TimeSpan? ttl, SecretText? passphrase, string? recipient, string? shareDomain)
    {
        if (ttl is { } t)
        {
            form.Add(new("ttl", ((long)t.TotalSeconds).ToString(CultureInfo.InvariantCulture)));
        }

        AddPassphrase(form, passphrase);
        if (!string.IsNullOrWhiteSpace(recipient))
        {
            form.Add(new("recipient", recipient.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(shareDomain))
        {
            form.Add(new("share_domain", shareDomain.Trim()));
        }
    }

    private static void AddPassphrase(List<KeyValuePair<string, string>> form, SecretText? passphrase)
    {
        if (passphrase is { IsEmpty: false })
        {
            form.Add(new("passphrase", passphrase.Reveal()));
        }
    }

    private static OtsFailure NotAKey() =>
        new(OtsFailureKind.SecretNotFound, "That is not a Onetime Secret key, so there is no such secret.");

    // Debug: every command calls the backend, and the caller logs what came of it (a creation, a burn); a second line per
    // command at Information doubled what an operator's logs carry. Failures are warnings of their own, below.
    [LoggerMessage(EventId = 100, Level = LogLevel.Debug, Message = "Onetime Secret {Operation} on {Host} answered {StatusCode} in {ElapsedMs:F0} ms")]
    private partial void LogAnswered(string operation, string host, int statusCode, double elapsedMs);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Onetime Secret {Operation} on {Host} failed as {FailureKind} (HTTP {StatusCode}) after {ElapsedMs:F0} ms")]
    private partial void LogFailed(string operation, string host, OtsFailureKind failureKind, int? statusCode, double elapsedMs);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Onetime Secret {Operation} on {Host} sent an unreadable answer after {ElapsedMs:F0} ms")]
    private partial void LogUnreadable(string operation, string host, double elapsedMs);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Onetime Secret {Operation} on {Host} is paused: the circuit breaker is open")]
    private partial void LogCircuitOpen(string operation, string host);

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "Onetime Secret {Operation} on {Host} could not connect ({HttpRequestError}) after {ElapsedMs:F0} ms")]
    private partial void LogUnreachable(string operation, string host, HttpRequestError httpRequestError, double elapsedMs);

    [LoggerMessage(EventId = 105, Level = LogLevel.Warning, Message = "Onetime Secret {Operation} on {Host} was refused: the host resolves to an address that is not on the public internet")]
    private partial void LogRefused(string operation, string host);
}
