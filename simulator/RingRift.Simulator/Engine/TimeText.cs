using System.Globalization;

namespace RingRift.Simulator.Engine;

/// <summary>Fixed-width simulated time for traces and reports: "HH:MM:SS.ffffff", hours unbounded.</summary>
public static class TimeText
{
    public static string Of(long micros)
    {
        var inv = CultureInfo.InvariantCulture;
        var seconds = micros / 1_000_000;
        return (seconds / 3600).ToString("00", inv) + ":" + (seconds / 60 % 60).ToString("00", inv) + ":" +
               (seconds % 60).ToString("00", inv) + "." + (micros % 1_000_000).ToString("000000", inv);
    }
}
