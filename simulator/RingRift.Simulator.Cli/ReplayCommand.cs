namespace RingRift.Simulator.Cli;

/// <summary>The exact command that reproduces a run, printed with every failure.</summary>
internal static class ReplayCommand
{
    public static string For(string scenarioPath, ulong seed, bool swarm) =>
        $"dotnet run --project simulator/RingRift.Simulator.Cli -c Release -- run {Quote(scenarioPath)} --seed {seed}" +
        (swarm ? " --swarm" : "");

    private static string Quote(string path) => path.Contains(' ') ? "\"" + path + "\"" : path;
}
