using System.Collections.Generic;
using System.Collections.Immutable;

namespace RingRift.Simulator.Reporting;

/// <summary>
/// Fault windows by key ("gpu:3", "net:7"): opening a key that is open closes the old window first, and a
/// window still open at the end of the run ends there. Windows come out in the order they opened.
/// </summary>
internal sealed class FaultWindowBook
{
    public const int WindowsMax = 20_000;
    private readonly Dictionary<string, int> _open = new(System.StringComparer.Ordinal);
    private readonly List<FaultWindow> _windows = new();

    public bool Truncated { get; private set; }

    public void Open(string key, long now, string kind, string detail, ImmutableArray<int> nodes)
    {
        Close(key, now);
        if (_windows.Count >= WindowsMax)
        {
            Truncated = true;
            return;
        }
        _open[key] = _windows.Count;
        _windows.Add(new FaultWindow(now, long.MaxValue, kind, detail, nodes));
    }

    /// <summary>A window whose end is known when it opens (a pause).</summary>
    public void Add(long start, long end, string kind, string detail, ImmutableArray<int> nodes)
    {
        if (_windows.Count >= WindowsMax)
        {
            Truncated = true;
            return;
        }
        _windows.Add(new FaultWindow(start, end, kind, detail, nodes));
    }

    public void Close(string key, long now)
    {
        if (!_open.Remove(key, out var index)) return;
        _windows[index] = _windows[index] with { End = now };
    }

    /// <summary>Closes every open window whose key starts with <paramref name="prefix"/> (a heal ends every network fault).</summary>
    public void CloseAll(string prefix, long now)
    {
        var keys = new List<string>();
        foreach (var key in _open.Keys)
            if (key.StartsWith(prefix, System.StringComparison.Ordinal)) keys.Add(key);
        foreach (var key in keys) Close(key, now);
    }

    public ImmutableArray<FaultWindow> Finish(long end)
    {
        var windows = ImmutableArray.CreateBuilder<FaultWindow>(_windows.Count);
        foreach (var window in _windows)
            windows.Add(window.End > end ? window with { End = end } : window);
        return windows.MoveToImmutable();
    }
}
