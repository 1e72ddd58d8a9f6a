using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace OneTimeBot.Host.Hosting.BodyLimits;

/// <summary>
/// Form parsing's own limits (value count, key and value length, multipart length) are set no tighter than the largest
/// body limit, so the body limit is the one that decides "too large" and an oversized form gets the same 413, not a
/// form-reader exception.
/// </summary>
public sealed class FormLimitsFromBodyLimits(RequestBodyLimitPolicy policy) : IConfigureOptions<FormOptions>
{
    public void Configure(FormOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var largest = policy.Largest;
        var asInt = (int)Math.Min(int.MaxValue, largest);
        options.MultipartBodyLengthLimit = largest;
        options.ValueLengthLimit = asInt;
        options.KeyLengthLimit = asInt;
        // The shortest field is one byte and its separator.
        options.ValueCountLimit = (int)Math.Min(int.MaxValue, (largest / 2) + 1);
    }
}
