using RingRift.Kernel;

namespace RingRift.Simulator.Engine.Sync;

/// <summary>A file on a simulated data disk, as its host would report it.</summary>
internal sealed record SimFile(string Path, byte Kind, string Config, long Bytes, ContentHash Hash)
{
    public StoredFile Stored => new(Path, Kind, Config, new ByteSize(Bytes), Hash);
}
