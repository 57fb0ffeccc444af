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
    public bool HasGpu => Gpu.Count > 0;

    public void Write(WireWriter writer)
    {
        writer.WriteNodeId(Node);
        writer.WriteString(Provider);
        writer.WriteString(Gpu.Model);
        writer.WriteVarUInt64((ulong)Gpu.Count);
        writer.WriteVarUInt64((ulong)Gpu.VramGb);
        writer.WriteVarUInt64((ulong)MemoryGb);
        writer.WriteVarUInt64((ulong)Cpus);
        writer.WriteVarUInt64((ulong)DiskGb);
        writer.WriteBool(IsVoter);
        writer.WriteBool(NatBlocked);
        writer.WriteBool(ProxyOnly);
    }

    public static NodeProfile Read(ref WireReader reader)
    {
        var node = reader.ReadNodeId();
        var provider = reader.ReadString(64);
        var gpu = new GpuProfile(reader.ReadString(128), reader.ReadBoundedInt(64), reader.ReadBoundedInt(10_000));
        return new NodeProfile(
            node, provider, gpu,
            MemoryGb: reader.ReadBoundedInt(1_000_000),
            Cpus: reader.ReadBoundedInt(100_000),
            DiskGb: reader.ReadBoundedInt(100_000_000),
            IsVoter: reader.ReadBool(),
            NatBlocked: reader.ReadBool(),
            ProxyOnly: reader.ReadBool());
    }
}

/// <summary>A node's GPUs: model name as advertised (e.g. "GH200"), count and VRAM per GPU.</summary>
public sealed record GpuProfile(string Model, int Count, int VramGb)
{
    public static readonly GpuProfile None = new("", 0, 0);
}
