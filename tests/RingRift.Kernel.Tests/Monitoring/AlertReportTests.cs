using RingRift.Kernel.Monitoring;
using RingRift.Kernel.Node;
using RingRift.Kernel.Tests.Support;
using Xunit;

namespace RingRift.Kernel.Tests.Monitoring;

/// <summary>The alert report's levels on the wire, and the leader's cluster view showing them.</summary>
public sealed class AlertReportTests
{
    private static readonly int DiskAndStall = AlertKinds.Bit(AlertKind.DiskFilling) | AlertKinds.Bit(AlertKind.SelfplayStalled);

    [Fact]
    public void AlertReport_WithLevels_EncodeThenDecode_RoundTripsEachKindsLevel()
    {
        var report = new AlertReport(3, 17, DiskAndStall) { Levels = [9_100, 42] };

        var decoded = Assert.IsType<AlertReport>(Decode(Encode(report)));

        Assert.Equal(report, decoded);
        Assert.Equal(9_100, decoded.LevelOf(AlertKind.DiskFilling));
        Assert.Equal(42, decoded.LevelOf(AlertKind.SelfplayStalled));
        Assert.Equal(0, decoded.LevelOf(AlertKind.MemoryGrowing));
    }

    [Fact]
    public void AlertReport_LevelsCutShort_IsMalformed()
    {
        var bytes = Encode(new AlertReport(3, 17, DiskAndStall) { Levels = [9_100, 42] });

        Assert.False(MessageCodec.TryDecode(bytes[..^1], out _, out var error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public void AlertReport_LevelBeyondALong_IsMalformed()
    {
        var writer = new WireWriter();
        writer.WriteByte((byte)MessageKind.AlertReport);
        writer.WriteVarInt64(3);
        writer.WriteVarInt64(17);
        writer.WriteVarUInt64((ulong)AlertKinds.Bit(AlertKind.DiskFilling));
        writer.WriteVarUInt64(ulong.MaxValue);

        Assert.False(MessageCodec.TryDecode(writer.Written, out _, out var error));
        Assert.Contains("level", error, System.StringComparison.Ordinal);
    }

    [Fact]
    public void ReportedAlerts_Active_ShowsEachReportedLevel_AndALevelChangeMovesTheVersion()
    {
        var reports = new ReportedAlerts(3);
        var node = new NodeId("node-a");
        reports.OnReport(Time.At(0), node, new AlertReport(1, 1, DiskAndStall) { Levels = [9_100, 42] });
        var version = reports.Version;

        reports.OnReport(Time.At(1), node, new AlertReport(1, 2, DiskAndStall) { Levels = [9_200, 42] });

        Assert.True(reports.Version > version);
        var active = reports.Active(Time.At(1), Duration.FromSeconds(10));
        Assert.Equal([9_200L, 42L], System.Linq.Enumerable.Select(active, a => a.Level));
    }

    private static byte[] Encode(Message message)
    {
        var writer = new WireWriter();
        MessageCodec.Encode(message, writer);
        return writer.Written.ToArray();
    }

    private static Message? Decode(byte[] bytes)
    {
        Assert.True(MessageCodec.TryDecode(bytes, out var message, out var error), error);
        return message;
    }
}
