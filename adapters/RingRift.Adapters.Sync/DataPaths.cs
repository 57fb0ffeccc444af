using System;
using System.IO;

namespace RingRift.Adapters.Sync;

/// <summary>
/// Confines the paths peers and operators name to the data directory: relative, '/'-separated, no
/// empty, '.' or '..' segment, no control characters, not the node's own state or partial files, and
/// no symbolic link anywhere below the data directory along the way (so nothing can point outside it).
/// </summary>
public sealed class DataPaths(string root)
{
    public const int PathCharsMax = 1024;

    /// <summary>Where partial transfers are assembled; never served and never in the manifest.</summary>
    public const string PartialDir = ".sync-partial";

    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>The full path of <paramref name="relative"/>, or null with the reason it is refused.</summary>
    public string? Resolve(string? relative, out string problem)
    {
        problem = Check(relative);
        if (problem.Length > 0) return null;
        var full = Path.GetFullPath(Path.Combine(Root, relative!));
        if (!full.StartsWith(Root + "/", StringComparison.Ordinal))
        {
            problem = "the path leaves the data directory";
            return null;
        }
        if (PassesThroughLink(full))
        {
            problem = "the path passes through a symbolic link";
            return null;
        }
        return full;
    }

    /// <summary>The node's own files: its state database (and its journal) and partial transfers.</summary>
    public static bool IsInternal(string relative) =>
        relative.StartsWith(PartialDir + "/", StringComparison.Ordinal) || relative == PartialDir
        || relative.Contains("_state.db", StringComparison.Ordinal);

    private static string Check(string? relative)
    {
        if (string.IsNullOrEmpty(relative)) return "'path' is required";
        if (relative.Length > PathCharsMax) return $"'path' exceeds {PathCharsMax} characters";
        if (relative[0] == '/') return "'path' must be relative to the data directory";
        foreach (var c in relative)
            if (char.IsControl(c) || c == '\\') return "'path' contains a control character or a backslash";
        foreach (var segment in relative.Split('/'))
            if (segment is "" or "." or "..") return "'path' must not contain empty, '.' or '..' segments";
        return IsInternal(relative) ? "'path' names one of the node's own files" : "";
    }

    private bool PassesThroughLink(string full)
    {
        var at = full;
        while (at.Length > Root.Length)
        {
            // LinkTarget reads the link itself (readlink): null for a plain file, a directory or nothing.
            if (new FileInfo(at).LinkTarget is not null) return true;
            at = Path.GetDirectoryName(at)!;
        }
        return false;
    }
}
