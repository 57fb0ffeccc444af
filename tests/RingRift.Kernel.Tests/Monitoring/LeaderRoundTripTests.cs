using RingRift.Kernel.Monitoring;
using RingRift.Kernel.Tests.Support;
using Xunit;

namespace RingRift.Kernel.Tests.Monitoring;

public sealed class LeaderRoundTripTests
{
    private static readonly NodeId Leader = new("cpu-1"), Other = new("cpu-2");
    private static readonly Duration Interval = Duration.FromMinutes(1);

    [Fact]
    public void Sample_AfterAnAck_IsTheRoundTripOfThatReport()
    {
        var trip = new LeaderRoundTrip(Interval);
        Assert.Null(trip.Sample(Time.At(0), Leader));
        trip.OnSent(Time.At(0), 1);
        trip.OnAck(Time.At(3), new AlertReportAck(1));

        Assert.Equal(Duration.FromSeconds(3), trip.Sample(Time.At(60), Leader));
    }

    [Fact]
    public void Sample_LeaderSilent_GrowsByTheTimeBeyondOneInterval()
    {
        var trip = new LeaderRoundTrip(Interval);
        trip.Sample(Time.At(0), Leader);
        trip.OnSent(Time.At(0), 1);
        trip.OnAck(Time.At(2), new AlertReportAck(1));
        for (var minute = 1; minute <= 12; minute++)
        {
            trip.Sample(Time.At(60 * minute), Leader);
            trip.OnSent(Time.At(60 * minute), 1 + minute);
        }

        // Waiting since the report of minute 1: 12 minutes, one of them the normal wait for an answer.
        Assert.Equal(Duration.FromMinutes(11), trip.Sample(Time.At(60 * 13), Leader));
    }

    [Fact]
    public void Sample_OneLostReport_ShowsNoDelay()
    {
        var trip = new LeaderRoundTrip(Interval);
        trip.Sample(Time.At(0), Leader);
        trip.OnSent(Time.At(0), 1);

        Assert.Equal(Duration.Zero, trip.Sample(Time.At(60), Leader));
    }

    [Fact]
    public void Sample_NewLeaderOrLocalStall_ForgetsWhatWasMeasured()
    {
        var trip = new LeaderRoundTrip(Interval);
        trip.Sample(Time.At(0), Leader);
        trip.OnSent(Time.At(0), 1);
        trip.OnAck(Time.At(5), new AlertReportAck(1));
        trip.OnSent(Time.At(60), 2);

        Assert.Null(trip.Sample(Time.At(600), Other));
        trip.OnSent(Time.At(600), 3);
        trip.OnAck(Time.At(601), new AlertReportAck(3));
        trip.OnLocalStall();
        Assert.Null(trip.Sample(Time.At(660), Other));
    }

    [Fact]
    public void OnAck_StaleOrUnknownSequence_IsIgnored()
    {
        var trip = new LeaderRoundTrip(Interval);
        trip.Sample(Time.At(0), Leader);
        trip.OnSent(Time.At(0), 1);
        trip.OnAck(Time.At(1), new AlertReportAck(7));
        trip.OnAck(Time.At(1), new AlertReportAck(1));
        trip.OnAck(Time.At(9), new AlertReportAck(1));

        Assert.Equal(Duration.FromSeconds(1), trip.Sample(Time.At(60), Leader));
    }
}
