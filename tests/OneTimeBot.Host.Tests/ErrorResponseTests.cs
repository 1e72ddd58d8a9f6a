using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace OneTimeBot.Host.Tests;

public sealed class ErrorResponseTests
{
    [Fact]
    public async Task An_unhandled_exception_answers_a_bare_problem_without_its_message_or_stack_trace()
    {
        await using var host = new HostFactory(new Dictionary<string, string?>())
            .WithServices(s => s.AddSingleton<IStartupFilter, ThrowingEndpoint>());

        using var response = await host.CreateClient().GetAsync(new Uri("/boom", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("request 7f3a", body, StringComparison.Ordinal);
        Assert.DoesNotContain("ThrowingEndpoint", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_path_answers_404()
    {
        await using var host = new HostFactory(new Dictionary<string, string?>());

        using var response = await host.CreateClient().GetAsync(new Uri("/no/such/thing", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private sealed class ThrowingEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(context => context.Request.Path == "/boom"
                ? throw new InvalidOperationException("failed while handling request 7f3a")
                : Task.CompletedTask);
        };
    }
}
