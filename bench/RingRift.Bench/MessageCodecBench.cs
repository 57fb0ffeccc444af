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
    [AllocationBudget(440, "the decoded message graph: Heartbeat, NodeProfile, GpuProfile, NodeLoad, ResourceSample records and three strings (node id, provider, GPU model)")]
    public Message? DecodeHeartbeat()
    {
        MessageCodec.TryDecode(_bytes, out var message, out _);
        return message;
    }
}
