using RingRift.Kernel;

namespace RingRift.Simulator.Tests.Support;

/// <summary>A numbered message for network tests, which never encode what they carry.</summary>
internal sealed record TestMessage(int Number) : Message
{
    public override MessageKind Kind => MessageKind.Heartbeat;

    public override void WriteBody(WireWriter writer) => writer.WriteVarInt64(Number);
}
