namespace RingRift.Kernel.Monitoring;

/// <summary>
/// The last <see cref="Capacity"/> samples of one series, oldest first: a fixed ring, no allocation
/// after construction. Times never decrease. Single-threaded.
/// </summary>
public sealed class SampleWindow
{
    private readonly long[] _times;
    private readonly long[] _values;
    private int _start;

    public SampleWindow(int capacity)
    {
        Invariant.True(capacity is >= 2 and <= MonitoringConfig.WindowSamplesMax);
        _times = new long[capacity];
        _values = new long[capacity];
    }

    public int Capacity => _times.Length;
    public int Count { get; private set; }

    public Instant TimeAt(int i) => new(_times[Slot(i)]);
    public long ValueAt(int i) => _values[Slot(i)];
    public long Latest => ValueAt(Count - 1);

    public void Add(Instant at, long value)
    {
        Invariant.True(Count == 0 || at.Micros >= TimeAt(Count - 1).Micros);
        if (Count == Capacity)
        {
            _start = (_start + 1) % Capacity;
            Count--;
        }
        var slot = Slot(Count);
        _times[slot] = at.Micros;
        _values[slot] = value;
        Count++;
    }

    public void Clear()
    {
        Count = 0;
        _start = 0;
    }

    private int Slot(int i)
    {
        Invariant.True(i >= 0 && i < Count + 1 && i < Capacity);
        return (_start + i) % Capacity;
    }
}
