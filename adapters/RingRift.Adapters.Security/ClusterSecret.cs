using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace RingRift.Adapters.Security;

/// <summary>
/// The shared key every node of a cluster signs its messages with. Read from a file or an environment
/// variable; its value never appears in <see cref="ToString"/>, logs or errors.
/// </summary>
public sealed class ClusterSecret
{
    /// <summary>Below this many bytes a secret is too easy to guess.</summary>
    public const int MinBytes = 16;

    public const string EnvVar = "RINGRIFT_CLUSTER_AUTH_TOKEN";
    public const string FileEnvVar = "RINGRIFT_CLUSTER_AUTH_TOKEN_FILE";

    private readonly byte[] _key;

    public ClusterSecret(string text)
    {
        var trimmed = text.Trim();
        _key = Encoding.UTF8.GetBytes(trimmed);
        if (_key.Length < MinBytes)
            throw new ArgumentException($"the cluster secret must be at least {MinBytes} bytes (got {_key.Length})");
    }

    internal ReadOnlySpan<byte> Key => _key;

    /// <summary>
    /// The secret from <paramref name="file"/> if given, else the file named by <see cref="FileEnvVar"/>,
    /// else the value of <see cref="EnvVar"/>; null when none is set.
    /// </summary>
    public static ClusterSecret? Load(string? file, Func<string, string?> environment)
    {
        var path = file ?? environment(FileEnvVar);
        if (!string.IsNullOrEmpty(path))
        {
            if (!File.Exists(path)) throw new ArgumentException($"cluster secret file '{path}' does not exist");
            return new ClusterSecret(File.ReadAllText(path));
        }
        var value = environment(EnvVar);
        return string.IsNullOrEmpty(value) ? null : new ClusterSecret(value);
    }

    /// <summary>True when <paramref name="presented"/> is this secret; compares in constant time.</summary>
    public bool Matches(string presented)
    {
        var bytes = Encoding.UTF8.GetBytes(presented);
        return CryptographicOperations.FixedTimeEquals(bytes, _key);
    }

    public override string ToString() => "ClusterSecret(redacted)";
}
