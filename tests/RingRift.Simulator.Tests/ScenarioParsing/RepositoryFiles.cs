using System;
using System.IO;

namespace RingRift.Simulator.Tests.ScenarioParsing;

/// <summary>Finds files in the repository from wherever the test assembly runs.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string ScenariosDirectory => Path.Combine(Root, "scenarios");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RingRift.Sim.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("RingRift.Sim.sln not found above " + AppContext.BaseDirectory);
    }
}
