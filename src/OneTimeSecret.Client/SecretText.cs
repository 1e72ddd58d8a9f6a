using System.Security.Cryptography;
using System.Text;

namespace OneTimeSecret.Client;

/// <summary>
/// A sensitive string: a secret, a passphrase, a generated value or an API token.
/// It never prints itself, so putting one in a record, a log template or an exception cannot leak it;
/// the only way to the characters is an explicit <see cref="Reveal"/>.
/// </summary>
public sealed class SecretText : IEquatable<SecretText>
{
    private const string Redacted = "[redacted]";
    private readonly string _value;

    /// <summary>Wraps <paramref name="value"/>, which may be empty but not null.</summary>
    /// <param name="value">The sensitive characters.</param>
    public SecretText(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>How many UTF-16 characters the value has.</summary>
    public int Length => _value.Length;

    /// <summary>True when the value has no characters.</summary>
    public bool IsEmpty => _value.Length == 0;

    /// <summary>How many bytes the value takes in UTF-8, as a server counts its size limit.</summary>
    public int Utf8ByteCount => Encoding.UTF8.GetByteCount(_value);

    /// <summary>The plain characters. Call only where the value must leave the process (an HTTP body, a cipher).</summary>
    /// <returns>The value as it was given.</returns>
    public string Reveal() => _value;

    /// <summary>Wraps an optional value: null or empty text gives null, e.g. for a passphrase nobody typed.</summary>
    /// <param name="value">The sensitive characters, if any.</param>
    /// <returns>A <see cref="SecretText"/>, or null when there is no value.</returns>
    public static SecretText? FromOptional(string? value) => string.IsNullOrEmpty(value) ? null : new SecretText(value);

    /// <summary>Always <c>[redacted]</c>, whatever the value: a <see cref="SecretText"/> never prints itself.</summary>
    /// <returns><c>[redacted]</c>.</returns>
    public override string ToString() => Redacted;

    // Constant time, so comparing against a stored value leaks nothing through timing.
    /// <summary>True when both hold the same characters, compared in constant time.</summary>
    /// <param name="other">The value to compare with.</param>
    /// <returns>Whether the values are equal.</returns>
    public bool Equals(SecretText? other) =>
        other is not null &&
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(_value), Encoding.UTF8.GetBytes(other._value));

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SecretText other && Equals(other);

    /// <summary>The value's length: enough for hashing, and it tells nothing of the characters.</summary>
    /// <returns>The length.</returns>
    public override int GetHashCode() => Length;
}
