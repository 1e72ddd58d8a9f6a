using System.Diagnostics.CodeAnalysis;

namespace OneTimeSecret.Client;

/// <summary>
/// Either the value of something that worked or the typed error of something that did not: expected failures
/// (bad input, a refusal, an unreachable server) are values a caller must look at, not exceptions.
/// </summary>
/// <typeparam name="TValue">What a success carries.</typeparam>
/// <typeparam name="TError">What a failure carries, e.g. <see cref="OtsFailure"/>.</typeparam>
public readonly record struct Result<TValue, TError>
    where TError : class
{
    private Result(TValue? value, TError? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>The value of a success; the default of <typeparamref name="TValue"/> for a failure.</summary>
    public TValue? Value { get; }

    /// <summary>The error of a failure; null for a success.</summary>
    public TError? Error { get; }

    /// <summary>True for a success: then <see cref="Value"/> is set, otherwise <see cref="Error"/> is.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>A success that carries <paramref name="value"/>.</summary>
    /// <param name="value">What worked.</param>
    /// <returns>The success.</returns>
    public static Result<TValue, TError> Success(TValue value) => new(value, null);

    /// <summary>A failure that carries <paramref name="error"/>.</summary>
    /// <param name="error">What went wrong; not null.</param>
    /// <returns>The failure.</returns>
    public static Result<TValue, TError> Fail(TError error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));

    /// <summary>Lets a method that returns a result return its error as it is.</summary>
    /// <param name="error">What went wrong; not null.</param>
    public static implicit operator Result<TValue, TError>(TError error) => Fail(error);
}
