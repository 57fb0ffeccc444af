using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace RingRift.Adapters.Http;

/// <summary>Reads a request body of at most a given size; null when it is larger (the caller answers 413).</summary>
internal static class BoundedBody
{
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes)
    {
        if (request.ContentLength is { } declared && declared > maxBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        while (true)
        {
            var read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted).ConfigureAwait(false);
            if (read == 0) return buffer.ToArray();
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
    }
}
