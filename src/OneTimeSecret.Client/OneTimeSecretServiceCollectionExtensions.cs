using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using OneTimeSecret.Client.Http;
using OneTimeSecret.Client.Network;

namespace OneTimeSecret.Client;

/// <summary>Registers the Onetime Secret client with dependency injection.</summary>
public static class OneTimeSecretServiceCollectionExtensions
{
    /// <summary>The name of the factory <see cref="HttpClient"/> that calls servers your own configuration names.</summary>
    public const string HttpClientName = "OneTimeSecret";

    /// <summary>
    /// The name of the factory <see cref="HttpClient"/> that calls <see cref="OneTimeSecretConnection.PublicOnly"/>
    /// servers: public internet addresses only, over no proxy.
    /// </summary>
    public const string PublicOnlyHttpClientName = "OneTimeSecret.PublicOnly";

    private const int MaxResponseBytes = 1024 * 1024;

    private static readonly string UserAgent =
        $"OneTimeSecret.Client/{typeof(OneTimeSecretClient).Assembly.GetName().Version?.ToString(3) ?? "1.0.0"}";

    /// <summary>
    /// Registers <see cref="IOneTimeSecretClient"/> with the default <see cref="OneTimeSecretHttpOptions"/>.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <seealso cref="AddOneTimeSecretClient(IServiceCollection, IConfiguration)"/>
    public static IServiceCollection AddOneTimeSecretClient(this IServiceCollection services) =>
        AddClient(services, _ => { });

    /// <summary>
    /// Registers <see cref="IOneTimeSecretClient"/> with <see cref="OneTimeSecretHttpOptions"/> bound from a
    /// configuration section, conventionally <see cref="OneTimeSecretHttpOptions.SectionName"/>.
    /// </summary>
    /// <remarks>
    /// The client calls through two factory <see cref="HttpClient"/>s, <see cref="HttpClientName"/> for servers your
    /// own configuration names and <see cref="PublicOnlyHttpClientName"/> for servers someone else chose (public
    /// addresses only, checked as the socket connects), each with, from outside in: a total timeout, jittered retries of
    /// transient failures (never of a reveal, and of a share or generate only when the server certainly did not act on
    /// it), a circuit breaker and a per-attempt timeout, one pipeline instance per server host so one failing server
    /// cannot trip the others. Neither follows redirects or logs URLs, which carry keys. The options are validated as a
    /// generic host starts (without one, as the first call is made), with a message naming each setting that cannot
    /// work. Calling this again adds only the option settings: the clients are registered once.
    /// <para>
    /// Every timeout, back-off delay, <c>Retry-After</c> wait and circuit break runs on the <see cref="TimeProvider"/>
    /// registered with the services when there is one (the last registered, before or after this call), otherwise on
    /// <see cref="TimeProvider.System"/>. A test can register a <c>FakeTimeProvider</c> and advance it to make a
    /// timeout fire; an application that registers a clock of its own that it does not move in real time moves these
    /// with it, so a retry's back-off waits until that clock is advanced.
    /// </para>
    /// </remarks>
    /// <param name="services">The application's services.</param>
    /// <param name="httpSection">The section to bind, e.g. <c>configuration.GetSection(OneTimeSecretHttpOptions.SectionName)</c>.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddOneTimeSecretClient(this IServiceCollection services, IConfiguration httpSection)
    {
        ArgumentNullException.ThrowIfNull(httpSection);
        return AddClient(services, options => options.Bind(httpSection));
    }

    /// <summary>Registers <see cref="IOneTimeSecretClient"/> with <see cref="OneTimeSecretHttpOptions"/> set in code.</summary>
    /// <remarks>See <see cref="AddOneTimeSecretClient(IServiceCollection, IConfiguration)"/> for what is registered.</remarks>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Sets the options, e.g. <c>o => o.TotalTimeout = TimeSpan.FromSeconds(10)</c>.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddOneTimeSecretClient(this IServiceCollection services, Action<OneTimeSecretHttpOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return AddClient(services, options => options.Configure(configure));
    }

    private static IServiceCollection AddClient(IServiceCollection services, Action<OptionsBuilder<OneTimeSecretHttpOptions>> setUp)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<OneTimeSecretHttpOptions>();
        setUp(options);
        options.ValidateOnStart();
        if (services.Any(d => d.ServiceType == typeof(PublicOnlyConnector)))
        {
            // Registered already: a second set of handlers would wrap every call in two pipelines.
            return services;
        }

        services.AddSingleton<IValidateOptions<OneTimeSecretHttpOptions>, OneTimeSecretHttpOptionsValidator>();
        services.TryAddSingleton<IHostAddressResolver, DnsHostAddressResolver>();
        services.TryAddSingleton<PublicHostCheck>();
        services.AddSingleton<PublicOnlyConnector>();
        services.TryAddSingleton<IOneTimeSecretClient, OneTimeSecretClient>();

        // Servers your own configuration names may be anywhere, inside the network included.
        AddServerClient(services, HttpClientName, _ => new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectTimeout = TimeSpan.FromSeconds(3),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        });

        // Servers someone else chose: only public addresses, checked as the socket connects, and no proxy, which would do
        // the resolving itself and so skip the check.
        AddServerClient(services, PublicOnlyHttpClientName, sp => new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            ConnectTimeout = TimeSpan.FromSeconds(3),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectCallback = sp.GetRequiredService<PublicOnlyConnector>().ConnectAsync,
        });

        return services;
    }

    private static void AddServerClient(IServiceCollection services, string name, Func<IServiceProvider, SocketsHttpHandler> handler) =>
        services.AddHttpClient(name, client =>
            {
                // The pipeline owns every timeout; HttpClient's own would cut across it.
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.MaxResponseContentBufferSize = MaxResponseBytes;
                // As text: the factory runs this for every call, and a parsed value is parsed again and copied into each request.
                client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", UserAgent);
            })
            .ConfigurePrimaryHttpMessageHandler(handler)
            // The default handler logs full URLs, which hold secret and metadata keys; the client logs its own lines.
            .RemoveAllLoggers()
            .AddResilienceHandler("onetimesecret", (pipeline, context) => OtsResiliencePipeline.Build(
                pipeline,
                context.ServiceProvider.GetRequiredService<IOptions<OneTimeSecretHttpOptions>>().Value,
                OtsResiliencePipeline.ClockOf(context.ServiceProvider)))
            .SelectPipelineByAuthority();
}
