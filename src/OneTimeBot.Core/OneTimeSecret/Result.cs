using System.Diagnostics.CodeAnalysis;

namespace OneTimeBot.Core.OneTimeSecret;

/// <summary>
/// Either the value of something that worked or the typed error of something that did not: expected failures
/// (bad input, a refusal, an unreachable backend) are values a caller must look at, not exceptions.
/// </summary>
public readonly record struct Result<TValue, TError>
    where TError : class
{
    private Result(TValue? value, TError? error)
    {
        Value = value;
        Error = error;
    }

    public TValue? Value { get; }

    public TError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static Result<TValue, TError> Success(TValue value) => new(value, null);

    public static Result<TValue, TError> Fail(TError error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));

    public static implicit operator Result<TValue, TError>(TError error) => Fail(error);
}
