using BenchmarkDotNet.Attributes;
using RingRift.Kernel;
using RingRift.Kernel.Gossip;
using RingRift.Kernel.Node;

namespace RingRift.Bench;

/// <summary>
/// The wire codec on the message every node sends most: a heartbeat of a busy GPU host. Encoding
/// reuses one <see cref="WireWriter"/> (as the node host and the trace recorder do) and must not
/// allocate. Decoding allocates by design: the result is a new immutable message graph.
/// </summary>
[MemoryDiagnoser]
public class MessageCodecBench
{
    private readonly WireWriter _writer = new();
    private Heartbeat _heartbeat = null!;
    private byte[] _bytes = null!;

    [GlobalSetup]
    public void Setup()
    {
        _heartbeat = new Heartbeat(3, 1_234_567, BenchCluster.Hosts()[7], BenchCluster.BusyLoad, WantsAck: false);
        MessageCodec.Encode(_heartbeat, _writer);
        _bytes = _writer.Written.ToArray();
    }

    [Benchmark]
    [AllocationBudget(0)]
    public int EncodeHeartbeat()
    {
        _writer.Reset();
        MessageCodec.Encode(_heartbeat, _writer);
        return _writer.Length;
    }

    [Benchmark]
    [AllocationBudget(384, "measured 352, the decoded message graph: Heartbeat (56 B), NodeProfile (56 B), GpuProfile (32 B), NodeLoad (40 B), " +
        "ResourceSample (40 B) and three strings: node id \"hetzner-gpu-08\" (56 B), provider (40 B), GPU model (32 B)")]
    public Message? DecodeHeartbeat()
    {
        MessageCodec.TryDecode(_bytes, out var message, out _);
        return message;
    }
}
