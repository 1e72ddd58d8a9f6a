using System.Security.Cryptography;
using System.Text;

namespace OneTimeBot.Core.Security;

/// <summary>
/// A sensitive string: a secret, a passphrase, a generated value or an API token.
/// It never prints itself, so putting one in a record, a log template or an exception cannot leak it;
/// the only way to the characters is an explicit <see cref="Reveal"/>.
/// </summary>
public sealed class SecretText : IEquatable<SecretText>
{
    private const string Redacted = "[redacted]";
    private readonly string _value;

    public SecretText(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    public int Length => _value.Length;

    public bool IsEmpty => _value.Length == 0;

    public int Utf8ByteCount => Encoding.UTF8.GetByteCount(_value);

    /// <summary>The plain characters. Call only where the value must leave the process (an HTTP body, a cipher).</summary>
    public string Reveal() => _value;

    public static SecretText? FromOptional(string? value) => string.IsNullOrEmpty(value) ? null : new SecretText(value);

    public override string ToString() => Redacted;

    // Constant time, so comparing against a stored value leaks nothing through timing.
    public bool Equals(SecretText? other) =>
        other is not null &&
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(_value), Encoding.UTF8.GetBytes(other._value));

    public override bool Equals(object? obj) => obj is SecretText other && Equals(other);

    public override int GetHashCode() => Length;
}
