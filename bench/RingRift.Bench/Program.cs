using System;
using System.Collections.Generic;
using BenchmarkDotNet.Running;

namespace RingRift.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/RingRift.Bench -- --filter '*'</c> runs every benchmark;
/// any BenchmarkDotNet option works; <c>--in-process</c> runs the short job in this process. Two modes of our own:
/// <c>--check-budgets</c> runs the selected benchmarks (all, without a filter) and exits 1 if any
/// allocates more per operation than its <see cref="AllocationBudgetAttribute"/>;
/// <c>--simulate [runs] [healthy|faulty] [seed]</c> runs a benchmark scenario outside BenchmarkDotNet and prints its trace
/// hash and speed, for profilers and for proving a change left the trace unchanged.
/// </summary>
internal static class Program
{
    private const string CheckBudgets = "--check-budgets";
    private const string Simulate = "--simulate";
    private const string InProcess = "--in-process";

    public static int Main(string[] args)
    {
        var arguments = new List<string>(args);
        if (arguments.Remove(Simulate)) return SimulationProbe.Run(arguments);
        var checkBudgets = arguments.Remove(CheckBudgets);
        if (checkBudgets && !arguments.Contains("--filter")) arguments.AddRange(["--filter", "*"]);
        var config = BenchConfig.Create(inProcess: arguments.Remove(InProcess));
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run([.. arguments], config);
        if (!checkBudgets) return 0;
        return BudgetCheck.Evaluate(summaries) == 0 ? 0 : 1;
    }
}
