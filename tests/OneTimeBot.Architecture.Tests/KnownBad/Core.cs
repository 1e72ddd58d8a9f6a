using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

// A core that breaks every rule the product's core is held to, so each rule is shown to fail.
namespace OneTimeBot.Architecture.Tests.KnownBad.Core.Sharing
{
    /// <summary>Reads the HTTP request itself instead of being handed what the adapter parsed.</summary>
    public static class ReadsTheRequest
    {
        public static string Path(HttpContext http) => http?.Request.Path.Value ?? "";
    }

    /// <summary>Answers with an HTTP result instead of a reply the adapter renders.</summary>
    public static class AnswersWithAResult
    {
        public static IResult Answer() => Results.Ok();
    }

    /// <summary>Renders for one platform: the core then knows Slack.</summary>
    public static class RendersForSlack
    {
        public static Slack.SlackReply Render(string text) => new(text, Card: null);
    }

    /// <summary>Uses a workspace's settings, which use sharing back: the two modules are one tangle.</summary>
    public sealed record Card(string Text, Workspaces.Settings Settings);
}

namespace OneTimeBot.Architecture.Tests.KnownBad.Core.Workspaces
{
    public sealed record Settings(string Backend, Sharing.Card? LastCard);

    /// <summary>Maps its own endpoint: routing and app building belong to the host and adapters.</summary>
    public static class MapsARoute
    {
        public static IEndpointRouteBuilder Map(WebApplication app) => app;
    }
}

// A module whose sub-namespace and parent use each other: one module's insides, which the cycle rule allows.
namespace OneTimeBot.Architecture.Tests.KnownBad.Core.Storage
{
    public sealed record Database(string File);

    public static class StorageServices
    {
        public static Sqlite.SqliteStore Open(string file) => new(new Database(file));
    }
}

namespace OneTimeBot.Architecture.Tests.KnownBad.Core.Storage.Sqlite
{
    public sealed record SqliteStore(Database Database);
}
