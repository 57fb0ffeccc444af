using System;
using System.IO;

namespace RingRift.Report.Tests.Support;

/// <summary>The repository root, found from the test's output directory, and where test artifacts go.</summary>
public static class Repo
{
    public static readonly string Root = FindRoot();

    /// <summary>artifacts/report-tests under the root (ignored by git), created on first use.</summary>
    public static string Artifacts
    {
        get
        {
            var path = Path.Combine(Root, "artifacts", "report-tests");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "RingRift.Sim.sln"))) return dir.FullName;
        throw new InvalidOperationException("RingRift.Sim.sln not found above " + AppContext.BaseDirectory);
    }
}
