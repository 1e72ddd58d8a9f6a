using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace OneTimeBot.Host.Hosting.BodyLimits;

public static class RequestBodyLimitServices
{
    public static IServiceCollection AddRequestBodyLimits(this IServiceCollection services)
    {
        services.AddSingleton<RequestBodyLimitPolicy>();
        services.AddSingleton<IConfigureOptions<FormOptions>, FormLimitsFromBodyLimits>();
        return services;
    }

    /// <summary>Before every endpoint and inside the exception handler, so a refused body is answered here and not as a 500.</summary>
    public static IApplicationBuilder UseRequestBodyLimits(this IApplicationBuilder app) => app.UseMiddleware<RequestBodyLimitMiddleware>();
}
