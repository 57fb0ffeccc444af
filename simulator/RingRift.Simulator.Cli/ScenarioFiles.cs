using System;
using System.IO;
using RingRift.Simulator.Scenarios;

namespace RingRift.Simulator.Cli;

/// <summary>Finds and parses scenario files; a missing or malformed file is bad input, reported with file and line.</summary>
internal static class ScenarioFiles
{
    /// <summary>The shipped scenario `run` uses when given none: the healthy 36-node cluster for a day.</summary>
    public const string DefaultScenario = "scenarios/scheduling/healthy-36-node-day-with-work.yaml";

    /// <summary>Resolves the path (the default one is searched upward from the working and install directories).</summary>
    public static string Resolve(string? path)
    {
        if (path is not null) return path;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, DefaultScenario);
                if (File.Exists(candidate)) return Path.GetRelativePath(Directory.GetCurrentDirectory(), candidate);
            }
        return DefaultScenario;
    }

    /// <summary>Parses the file, or writes an error naming the file (and line) to stderr and returns null.</summary>
    public static Scenario? TryLoad(string path, TextWriter error)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {path}: cannot read scenario: {e.Message}");
            return null;
        }
        try
        {
            return ScenarioParser.Parse(text, path);
        }
        catch (ScenarioException e)
        {
            error.WriteLine("error: " + e.Message);
            return null;
        }
    }
}
