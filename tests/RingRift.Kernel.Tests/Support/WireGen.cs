using System.Collections.Immutable;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using RingRift.Kernel.Gossip;

namespace RingRift.Kernel.Tests.Support;

/// <summary>FsCheck generators for wire values: full-range integers, well-formed Unicode, and valid messages.</summary>
internal static class WireGen
{
    /// <summary>Any 64-bit value, biased toward the varint length boundaries (2^(7k) ± 1).</summary>
    public static readonly Gen<ulong> UInt64 = Gen.OneOf(
        from hi in Gen.Choose(int.MinValue, int.MaxValue)
        from lo in Gen.Choose(int.MinValue, int.MaxValue)
        from width in Gen.Choose(0, 64)
        select width == 0 ? 0UL : Join(hi, lo) >> (64 - width),
        from k in Gen.Choose(1, 9)
        from delta in Gen.Choose(-1, 1)
        select unchecked((1UL << (7 * k)) + (ulong)(long)delta),
        Gen.Elements(0UL, 1UL, 127UL, 128UL, ulong.MaxValue - 1, ulong.MaxValue));

    public static readonly Gen<long> Int64 = Gen.OneOf(
        UInt64.Select(u => unchecked((long)u)),
        UInt64.Select(u => unchecked(-(long)(u >> 1))),
        Gen.Elements(0L, -1L, 1L, -64L, 63L, 64L, long.MinValue, long.MaxValue));

    /// <summary>A Unicode scalar value: ASCII (with controls), Latin, BMP, and astral (surrogate pairs in UTF-16).</summary>
    public static readonly Gen<string> Scalar = Gen.OneOf(
        Gen.Choose(0x00, 0x7F), Gen.Choose(0x80, 0x7FF), Gen.Choose(0x800, 0xD7FF),
        Gen.Choose(0xE000, 0xFFFF), Gen.Choose(0x10000, 0x10FFFF)).Select(char.ConvertFromUtf32);

    /// <summary>Well-formed text (no lone surrogates), any length FsCheck's size allows.</summary>
    public static readonly Gen<string> Text = Gen.ArrayOf(Scalar).Select(string.Concat);

    /// <summary>Well-formed text of at most <paramref name="maxBytes"/> UTF-8 bytes.</summary>
    public static Gen<string> Bounded(int maxBytes) => Gen.ArrayOf(Scalar).Select(parts =>
    {
        var text = new StringBuilder();
        var bytes = 0;
        foreach (var part in parts)
        {
            var size = Encoding.UTF8.GetByteCount(part);
            if (bytes + size > maxBytes) break;
            bytes += size;
            text.Append(part);
        }
        return text.ToString();
    });

    public static readonly Gen<bool> Bool = Gen.Elements(false, true);

    public static readonly Gen<NodeProfile> Profile =
        from node in Bounded(256)
        from provider in Bounded(64)
        from model in Bounded(128)
        from gpus in Gen.Choose(0, 64)
        from vram in Gen.Choose(0, 10_000)
        from memory in Gen.Choose(0, 1_000_000)
        from cpus in Gen.Choose(0, 100_000)
        from disk in Gen.Choose(0, 100_000_000)
        from flags in Gen.Choose(0, 7)
        select new NodeProfile(
            new NodeId(node), provider, new GpuProfile(model, gpus, vram), memory, cpus, disk,
            IsVoter: (flags & 1) != 0, NatBlocked: (flags & 2) != 0, ProxyOnly: (flags & 4) != 0);

    public static readonly Gen<NodeLoad> Load =
        from selfplay in Gen.Choose(0, 10_000)
        from training in Gen.Choose(0, 10_000)
        from gauntlet in Gen.Choose(0, 10_000)
        from cpu in Gen.Choose(0, Ratio.BasisPointsPerOne)
        from memory in Gen.Choose(0, Ratio.BasisPointsPerOne)
        from gpu in Gen.Choose(0, Ratio.BasisPointsPerOne)
        from disk in Int64
        from health in Gen.Choose(0, 3)
        select new NodeLoad(selfplay, training, gauntlet, new ResourceSample(
            new Ratio(cpu), new Ratio(memory), new Ratio(gpu), new ByteSize(disk), (GpuHealth)health));

    public static readonly Gen<Heartbeat> Heartbeat =
        from incarnation in Int64
        from sequence in Int64
        from profile in Profile
        from load in Load
        from wantsAck in Bool
        select new Heartbeat(incarnation, sequence, profile, load, wantsAck);

    public static readonly Gen<HeartbeatAck> HeartbeatAck =
        from incarnation in Int64
        from sequence in Int64
        from profile in Profile
        from load in Load
        select new HeartbeatAck(incarnation, sequence, profile, load);

    /// <summary>Any valid incarnation: boot counts up to long.MaxValue, refutations up to the wire's bound.</summary>
    public static readonly Gen<SwimIncarnation> SwimIncarnation =
        from boot in UInt64
        from refutation in UInt64
        select new SwimIncarnation((long)(boot >> 1), (long)(refutation % ((ulong)Kernel.Gossip.SwimIncarnation.RefutationMax + 1)));

    public static readonly Gen<SwimUpdate> SwimUpdate =
        from kind in Gen.Choose(0, 3)
        from node in Bounded(256)
        from incarnation in SwimIncarnation
        from accuser in Bounded(256)
        from beat in UInt64
        select kind switch
        {
            0 => Kernel.Gossip.SwimUpdate.Alive(new NodeId(node), incarnation),
            1 => Kernel.Gossip.SwimUpdate.Suspect(new NodeId(node), incarnation, new NodeId(accuser)),
            2 => Kernel.Gossip.SwimUpdate.Dead(new NodeId(node), incarnation),
            _ => Kernel.Gossip.SwimUpdate.Heartbeat(new NodeId(node), incarnation, (long)(beat >> 1)),
        };

    public static readonly Gen<ImmutableArray<SwimUpdate>> SwimUpdates =
        Gen.Choose(0, 8).SelectMany(count => Gen.ArrayOf(SwimUpdate, count)).Select(updates => updates.ToImmutableArray());

    public static readonly Gen<Message> Swim =
        from kind in Gen.Choose(0, 3)
        from sender in SwimIncarnation
        from sequence in UInt64
        from target in Bounded(256)
        from updates in SwimUpdates
        select kind switch
        {
            0 => (Message)new SwimPing(sender, (long)(sequence >> 1), updates),
            1 => new SwimAck(sender, (long)(sequence >> 1), updates),
            2 => new SwimPingReq(sender, (long)(sequence >> 1), new NodeId(target), updates),
            _ => new SwimNack(sender, (long)(sequence >> 1)),
        };

    public static readonly Gen<Message> Message = Gen.OneOf(
        Heartbeat.Select(m => (Message)m), HeartbeatAck.Select(m => (Message)m),
        GossipGen.Digest.Select(m => (Message)m), GossipGen.Delta.Select(m => (Message)m), Swim);

    private static ulong Join(int hi, int lo) => unchecked(((ulong)(uint)hi << 32) | (uint)lo);
}
