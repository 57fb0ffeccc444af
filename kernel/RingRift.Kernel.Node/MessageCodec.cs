using System;
using RingRift.Kernel.Election;
using RingRift.Kernel.Gossip;
using RingRift.Kernel.Scheduling.Jobs;
using RingRift.Kernel.Sync;

namespace RingRift.Kernel.Node;

/// <summary>
/// The wire format of every kernel message: one tag byte (<see cref="MessageKind"/>), then the body.
/// Decoding is total: any byte string either decodes or is reported as malformed, never throws.
/// </summary>
public static class MessageCodec
{
    public const int MaxMessageBytes = 64 * 1024;

    /// <summary>Appends the message; a message longer than <see cref="MaxMessageBytes"/> is a bug, as no peer would accept it.</summary>
    public static void Encode(Message message, WireWriter writer)
    {
        var start = writer.Length;
        writer.WriteByte((byte)message.Kind);
        message.WriteBody(writer);
        Invariant.True(writer.Length - start <= MaxMessageBytes);
    }

    public static bool TryDecode(ReadOnlySpan<byte> bytes, out Message? message, out string error)
    {
        message = null;
        if (bytes.Length > MaxMessageBytes)
        {
            error = $"message of {bytes.Length} bytes exceeds {MaxMessageBytes}";
            return false;
        }
        try
        {
            var reader = new WireReader(bytes);
            message = DecodeBody(ref reader);
            if (!reader.AtEnd) throw new MalformedMessageException("trailing bytes after message");
            error = "";
            return true;
        }
        catch (MalformedMessageException malformed)
        {
            message = null;
            error = malformed.Message;
            return false;
        }
    }

    private static Message DecodeBody(ref WireReader reader)
    {
        var tag = reader.ReadByte();
        return (MessageKind)tag switch
        {
            MessageKind.Heartbeat => Heartbeat.Read(ref reader),
            MessageKind.HeartbeatAck => HeartbeatAck.Read(ref reader),
            MessageKind.LeaseRequest => LeaseRequest.Read(ref reader),
            MessageKind.LeaseReply => LeaseReply.Read(ref reader),
            MessageKind.LeaderAnnounce => LeaderAnnounce.Read(ref reader),
            MessageKind.LeaseRelease => LeaseRelease.Read(ref reader),
            MessageKind.PreVoteRequest => PreVoteRequest.Read(ref reader),
            MessageKind.PreVoteReply => PreVoteReply.Read(ref reader),
            MessageKind.GossipDigest => GossipDigest.Read(ref reader),
            MessageKind.GossipDelta => GossipDelta.Read(ref reader),
            MessageKind.SwimPing => SwimPing.Read(ref reader),
            MessageKind.SwimAck => SwimAck.Read(ref reader),
            MessageKind.SwimPingReq => SwimPingReq.Read(ref reader),
            MessageKind.SwimNack => SwimNack.Read(ref reader),
            MessageKind.JobOrders => JobOrders.Read(ref reader),
            MessageKind.JobReport => JobReport.Read(ref reader),
            MessageKind.SyncStatus => SyncStatus.Read(ref reader),
            MessageKind.ManifestRequest => ManifestRequest.Read(ref reader),
            MessageKind.ManifestPageMessage => ManifestPageMessage.Read(ref reader),
            MessageKind.ManifestDeltaMessage => ManifestDeltaMessage.Read(ref reader),
            MessageKind.TransferOrder => TransferOrder.Read(ref reader),
            MessageKind.TransferReport => TransferReport.Read(ref reader),
            MessageKind.CleanupOrder => CleanupOrder.Read(ref reader),
            MessageKind.AlertReport => Monitoring.AlertReport.Read(ref reader),
            MessageKind.AlertReportAck => Monitoring.AlertReportAck.Read(ref reader),
            MessageKind.EloOffer => Ratings.EloOffer.Read(ref reader),
            MessageKind.EloRequest => Ratings.EloRequest.Read(ref reader),
            MessageKind.EloResults => Ratings.EloResults.Read(ref reader),
            _ => throw new MalformedMessageException("unknown message kind " + tag),
        };
    }
}
