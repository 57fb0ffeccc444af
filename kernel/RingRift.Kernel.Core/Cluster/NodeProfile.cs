namespace RingRift.Kernel;

/// <summary>
/// The static facts a node advertises about itself: hardware, provider, and its place in the
/// cluster (voter, NAT-blocked, proxy-only). Comes from the cluster config (distributed_hosts).
/// </summary>
public sealed record NodeProfile(
    NodeId Node,
    string Provider,
    GpuProfile Gpu,
    int MemoryGb,
    int Cpus,
    int DiskGb,
    bool IsVoter,
    bool NatBlocked,
    bool ProxyOnly)
{
    // The bounds a profile must keep to cross the wire; config parsers check them, the writer asserts them.
    public const int ProviderBytesMax = 64;
    public const int GpuModelBytesMax = 128;
    public const int GpuCountMax = 64;
    public const int GpuVramGbMax = 10_000;
    public const int MemoryGbMax = 1_000_000;
    public const int CpusMax = 100_000;
    public const int DiskGbMax = 100_000_000;

    public bool HasGpu => Gpu.Count > 0;

    /// <summary>Every way this profile breaks the wire's bounds, each naming the host and the field.</summary>
    public System.Collections.Generic.IEnumerable<string> Validate()
    {
        if (Utf8Bytes(Node.Value) is 0 or > WireLimits.NodeIdBytesMax)
            yield return $"host id '{Node}' must be 1 to {WireLimits.NodeIdBytesMax} bytes";
        if (Utf8Bytes(Provider) > ProviderBytesMax) yield return $"host {Node}: provider is longer than {ProviderBytesMax} bytes";
        if (Utf8Bytes(Gpu.Model) > GpuModelBytesMax) yield return $"host {Node}: gpu is longer than {GpuModelBytesMax} bytes";
        foreach (var (name, value, max) in new (string, int, int)[]
                 {
                  ("gpu_count", Gpu.Count, GpuCountMax), ("gpu_vram_gb", Gpu.VramGb, GpuVramGbMax),
                  ("memory_gb", MemoryGb, MemoryGbMax), ("cpus", Cpus, CpusMax), ("disk_gb", DiskGb, DiskGbMax),
                 })
        {
            if (value < 0 || value > max) yield return $"host {Node}: {name} must be within 0..{max} (got {value})";
        }
    }

    private static int Utf8Bytes(string text) => System.Text.Encoding.UTF8.GetByteCount(text);

    public void Write(WireWriter writer)
    {
        writer.WriteNodeId(Node);
        writer.WriteString(Provider, ProviderBytesMax);
        writer.WriteString(Gpu.Model, GpuModelBytesMax);
        WriteBounded(writer, Gpu.Count, GpuCountMax);
        WriteBounded(writer, Gpu.VramGb, GpuVramGbMax);
        WriteBounded(writer, MemoryGb, MemoryGbMax);
        WriteBounded(writer, Cpus, CpusMax);
        WriteBounded(writer, DiskGb, DiskGbMax);
        writer.WriteBool(IsVoter);
        writer.WriteBool(NatBlocked);
        writer.WriteBool(ProxyOnly);
    }

    public static NodeProfile Read(ref WireReader reader)
    {
        var node = reader.ReadNodeId();
        var provider = reader.ReadString(ProviderBytesMax);
        var gpu = new GpuProfile(
            reader.ReadString(GpuModelBytesMax), reader.ReadBoundedInt(GpuCountMax), reader.ReadBoundedInt(GpuVramGbMax));
        return new NodeProfile(
            node, provider, gpu,
            MemoryGb: reader.ReadBoundedInt(MemoryGbMax),
            Cpus: reader.ReadBoundedInt(CpusMax),
            DiskGb: reader.ReadBoundedInt(DiskGbMax),
            IsVoter: reader.ReadBool(),
            NatBlocked: reader.ReadBool(),
            ProxyOnly: reader.ReadBool());
    }

    private static void WriteBounded(WireWriter writer, int value, int max)
    {
        Invariant.True(value >= 0 && value <= max);
        writer.WriteVarUInt64((ulong)value);
    }
}
