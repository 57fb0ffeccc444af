namespace RingRift.Kernel.Monitoring;

/// <summary>Counts a machine's cycles and errors for its <see cref="MachineHealth"/>. Single-threaded.</summary>
public sealed class HealthCounter(string machine)
{
    private Instant? _first;

    public long Cycles { get; private set; }
    public long Errors { get; private set; }
    public Instant? LastRun { get; private set; }

    public void Cycle(Instant now)
    {
        _first ??= now;
        LastRun = now;
        Cycles++;
    }

    public void Error() => Errors++;

    public MachineHealth Report(bool healthy, string message)
    {
        var average = Cycles < 2 || _first is not { } first || LastRun is not { } last ? Duration.Zero : (last - first) / (Cycles - 1);
        return new MachineHealth(machine, healthy, message, Cycles, LastRun, Errors, average);
    }
}
