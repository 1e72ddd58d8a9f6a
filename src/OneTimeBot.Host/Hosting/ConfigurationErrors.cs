using Microsoft.Extensions.Options;

namespace OneTimeBot.Host.Hosting;

/// <summary>Start-up validation throws one exception per invalid section, or an aggregate of several: these are its messages.</summary>
public static class ConfigurationErrors
{
    public static IReadOnlyList<string>? From(Exception exception) => exception switch
    {
        OptionsValidationException invalid => invalid.Failures.ToArray(),
        AggregateException aggregate when aggregate.Flatten().InnerExceptions.All(e => e is OptionsValidationException) =>
            aggregate.Flatten().InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures).ToArray(),
        _ => null,
    };
}
