using System;
using System.Globalization;
using System.IO;
using System.IO.Hashing;
using System.Threading;
using System.Threading.Tasks;
using RingRift.Kernel;

namespace RingRift.Adapters.Sync;

/// <summary>XXH128 of a file's bytes as the kernel's <see cref="ContentHash"/>, and its 32-hex-digit text form.</summary>
public static class ContentHashes
{
    public static ContentHash Of(ReadOnlySpan<byte> bytes) => From(XxHash128.HashToUInt128(bytes));

    public static async Task<ContentHash> OfFileAsync(string path, CancellationToken cancellation)
    {
        var hash = new XxHash128();
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, useAsync: true);
        await using (stream.ConfigureAwait(false))
            await hash.AppendAsync(stream, cancellation).ConfigureAwait(false);
        return From(hash.GetCurrentHashAsUInt128());
    }

    public static ContentHash From(UInt128 value) => new(unchecked((ulong)(value >> 64)), unchecked((ulong)value));

    public static bool TryParse(string? text, out ContentHash hash)
    {
        hash = default;
        if (text is not { Length: 32 }) return false;
        if (!ulong.TryParse(text.AsSpan(0, 16), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var high)) return false;
        if (!ulong.TryParse(text.AsSpan(16), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var low)) return false;
        hash = new ContentHash(high, low);
        return true;
    }
}
