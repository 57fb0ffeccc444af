using System.Collections.Generic;

namespace RingRift.Adapters.Sync;

/// <summary>The byte ranges of one file received so far, merged; complete when they cover the whole file.</summary>
internal sealed class ReceivedRanges(long fileBytes)
{
    private readonly List<(long Start, long End)> _ranges = new();

    public long FileBytes => fileBytes;

    /// <summary>Set once one receiver has taken the complete file to verify it, so no other does.</summary>
    public bool Finishing { get; set; }

    public void Add(long offset, long length)
    {
        _ranges.Add((offset, offset + length));
        _ranges.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        var merged = new List<(long Start, long End)>(_ranges.Count);
        foreach (var range in _ranges)
        {
            if (merged.Count > 0 && range.Start <= merged[^1].End)
                merged[^1] = (merged[^1].Start, System.Math.Max(merged[^1].End, range.End));
            else merged.Add(range);
        }
        _ranges.Clear();
        _ranges.AddRange(merged);
    }

    public bool IsComplete => fileBytes == 0 || (_ranges.Count == 1 && _ranges[0].Start == 0 && _ranges[0].End >= fileBytes);
}
