using System;
using System.Collections.Generic;
using System.IO;
using RingRift.Simulator.Scenarios;

namespace RingRift.Scenarios.Tests.Support;

/// <summary>Locates the repository and its shipped scenario files from the test's output directory.</summary>
public static class Repo
{
    public static readonly string Root = FindRoot();

    /// <summary>Every shipped scenario, as a path relative to the repository root, in ordinal order.</summary>
    public static IEnumerable<object[]> ShippedScenarios()
    {
        var files = Directory.GetFiles(Path.Combine(Root, "scenarios"), "*.yaml", SearchOption.AllDirectories);
        Array.Sort(files, StringComparer.Ordinal);
        foreach (var file in files) yield return [Path.GetRelativePath(Root, file)];
    }

    public static Scenario Load(string relativePath) =>
        ScenarioParser.Parse(File.ReadAllText(Path.Combine(Root, relativePath)), relativePath);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "RingRift.Sim.sln"))) return dir.FullName;
        throw new InvalidOperationException("RingRift.Sim.sln not found above " + AppContext.BaseDirectory);
    }
}
