namespace RingRift.Adapters.Sync;

/// <summary>The sync endpoints' paths, query keys and headers.</summary>
public static class SyncHeaders
{
    public const string ManifestPath = "/sync/manifest";
    public const string FilePath = "/sync/file";
    public const string PullPath = "/sync/pull";

    /// <summary>The XXH128 the source's index holds for the file it serves (32 hex digits).</summary>
    public const string ContentHash = "X-RingRift-Content-Hash";

    /// <summary>The query of a file request: the path, and for a push the file's hash, size and the chunk's offset.</summary>
    public static string FileQuery(string path) => "?path=" + System.Uri.EscapeDataString(path);
}
