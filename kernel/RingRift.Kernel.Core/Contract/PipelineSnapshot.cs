using System.Collections.Immutable;

namespace RingRift.Kernel;

/// <summary>
/// The whole training pipeline, one <see cref="ConfigPipeline"/> per board config in the fixed config
/// order, stamped with the leader epoch that wrote it and a version that every leader continues from
/// the newest copy it has seen. Copies compare by (<see cref="Epoch"/>, <see cref="Version"/>). A leader
/// sends it on every order, so every worker holds a recent copy: that is how a new leader recovers it,
/// and how a worker learns which model generation to use (the distribution order). Immutable.
/// </summary>
public sealed record PipelineSnapshot(long Epoch, long Version, ImmutableArray<ConfigPipeline> Configs)
{
    /// <summary>At most this many configs travel in one snapshot.</summary>
    public const int ConfigsMax = 64;

    public static readonly PipelineSnapshot Empty = new(0, 0, ImmutableArray<ConfigPipeline>.Empty);

    /// <summary>True when this copy is strictly newer than <paramref name="other"/>.</summary>
    public bool IsNewerThan(PipelineSnapshot other) =>
        Epoch != other.Epoch ? Epoch > other.Epoch : Version > other.Version;

    public void Write(WireWriter writer)
    {
        writer.WriteVarInt64(Epoch);
        writer.WriteVarInt64(Version);
        writer.WriteVarUInt64((ulong)Configs.Length);
        foreach (var config in Configs) config.Write(writer);
    }

    public static PipelineSnapshot Read(ref WireReader reader)
    {
        var epoch = reader.ReadVarInt64();
        var version = reader.ReadVarInt64();
        if (epoch < 0 || version < 0) throw new MalformedMessageException("negative snapshot stamp");
        var count = reader.ReadBoundedInt(ConfigsMax);
        var configs = ImmutableArray.CreateBuilder<ConfigPipeline>(count);
        for (var i = 0; i < count; i++) configs.Add(ConfigPipeline.Read(ref reader));
        return new PipelineSnapshot(epoch, version, configs.MoveToImmutable());
    }
}
