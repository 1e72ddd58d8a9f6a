using System.Diagnostics.CodeAnalysis;

namespace OneTimeBot.Core.OneTimeSecret;

/// <summary>Either the value of a successful call or a typed <see cref="OtsFailure"/>; expected failures are not exceptions.</summary>
public readonly record struct OtsResult<T>
{
    private OtsResult(T? value, OtsFailure? failure)
    {
        Value = value;
        Failure = failure;
    }

    public T? Value { get; }

    public OtsFailure? Failure { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool IsSuccess => Failure is null;

    public static OtsResult<T> Success(T value) => new(value, null);

    public static OtsResult<T> Fail(OtsFailure failure) => new(default, failure ?? throw new ArgumentNullException(nameof(failure)));

    public static implicit operator OtsResult<T>(OtsFailure failure) => Fail(failure);
}
