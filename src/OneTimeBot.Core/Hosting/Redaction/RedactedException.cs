namespace OneTimeBot.Core.Hosting.Redaction;

/// <summary>
/// Stands in for an exception whose text names a key: providers write an exception's <see cref="ToString"/>,
/// <see cref="Message"/> or <see cref="StackTrace"/>, and here each is the original's, redacted. The original's type
/// stays readable at the start of <see cref="ToString"/>.
/// </summary>
internal sealed class RedactedException : Exception
{
    private readonly string _text;
    private readonly string? _stackTrace;

    private RedactedException(Exception original, string text)
        : base(KeyedPathRedactor.Redact(original.Message))
    {
        _text = KeyedPathRedactor.Redact(text);
        _stackTrace = original.StackTrace is { } stack ? KeyedPathRedactor.Redact(stack) : null;
        HResult = original.HResult;
    }

    public override string? StackTrace => _stackTrace;

    /// <summary>The exception itself when its text names no key, else its redacted stand-in.</summary>
    public static Exception? From(Exception? exception)
    {
        if (exception is null or RedactedException)
        {
            return exception;
        }

        var text = exception.ToString();
        return KeyedPathRedactor.MayHoldKey(text) ? new RedactedException(exception, text) : exception;
    }

    public override string ToString() => _text;
}
