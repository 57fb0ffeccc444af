namespace RingRift.Simulator.Engine.Workload;

/// <summary>
/// The simulator's GPU classes, by substring of the advertised model (most specific first): selfplay
/// games per hour on square8 2-player (the original measured 150–420 per GPU with tree search) and
/// training speed relative to an H100.
/// </summary>
internal static class GpuClass
{
    private static readonly (string Key, int GamesPerHour, int SpeedPercent)[] Table =
    [
        ("GH200", 420, 110), ("H200", 420, 110), ("H100", 380, 100), ("A100D", 90, 35), ("A100", 260, 70),
        ("L40", 240, 60), ("A40", 200, 50), ("A6000", 200, 50), ("5090", 300, 60), ("5080", 200, 45),
        ("4090", 250, 55), ("4080", 190, 45), ("4060", 100, 25), ("3090", 170, 40), ("3080", 140, 35),
        ("3060", 90, 20), ("2080", 80, 20), ("L4", 110, 25), ("A10", 150, 35),
    ];

    public static int GamesPerHour(string model) => Find(model).GamesPerHour;

    public static int SpeedPercent(string model) => Find(model).SpeedPercent;

    private static (string Key, int GamesPerHour, int SpeedPercent) Find(string model)
    {
        foreach (var row in Table)
            if (model.Contains(row.Key, System.StringComparison.OrdinalIgnoreCase)) return row;
        return ("", 60, 20);
    }
}
