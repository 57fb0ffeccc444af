using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace RingRift.Bench;

/// <summary>
/// For <see cref="SimulationBench"/>: the events one simulated run processes ("Events/op", a pure
/// function of scenario and seed) and, divided by the measured mean, the simulator's speed in events
/// per wall second ("Events/s"). Blank for every other benchmark.
/// </summary>
internal sealed class SimulatedEventsColumn(bool perSecond) : IColumn
{
    public string Id => perSecond ? "SimulatedEventsPerSecond" : "SimulatedEventsPerOp";
    public string ColumnName => perSecond ? "Events/s" : "Events/op";
    public bool AlwaysShow => false;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => perSecond ? 1 : 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => perSecond
        ? "Simulated events per wall-clock second (events per run / mean time per run)"
        : "Events one simulated run processes (deterministic)";

    public bool IsAvailable(Summary summary)
    {
        foreach (var benchmark in summary.BenchmarksCases)
            if (IsSimulation(benchmark)) return true;
        return false;
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (!IsSimulation(benchmarkCase)) return "-";
        var events = SimulationBench.EventsPerRun(benchmarkCase.Descriptor.WorkloadMethod.Name);
        if (!perSecond) return events.ToString("N0", CultureInfo.InvariantCulture);
        var meanNanoseconds = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (meanNanoseconds is not > 0) return "?";
        return (events / (meanNanoseconds.Value / 1e9)).ToString("N0", CultureInfo.InvariantCulture);
    }

    public override string ToString() => ColumnName;

    private static bool IsSimulation(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Descriptor.Type == typeof(SimulationBench);
}
