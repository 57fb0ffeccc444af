using System;
using System.Collections.Generic;
using System.Globalization;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace RingRift.Bench;

/// <summary>
/// Compares what each benchmark allocated per operation with its <see cref="AllocationBudgetAttribute"/>.
/// A benchmark over budget, without a budget, or without a measurement (it failed) is a failure.
/// </summary>
internal static class BudgetCheck
{
    /// <summary>Prints one line per benchmark and returns how many failed.</summary>
    public static int Evaluate(IEnumerable<Summary> summaries)
    {
        var failures = 0;
        var checkedCount = 0;
        Console.WriteLine();
        Console.WriteLine("// allocation budgets (bytes per operation)");
        foreach (var summary in summaries)
            foreach (var report in summary.Reports)
            {
                checkedCount++;
                if (!Evaluate(report)) failures++;
            }
        if (checkedCount == 0)
        {
            Console.WriteLine("FAIL no benchmark ran: check the --filter");
            return 1;
        }
        Console.WriteLine(failures == 0
            ? $"all {checkedCount} benchmarks within their allocation budgets"
            : $"{failures} of {checkedCount} benchmarks failed their allocation budgets");
        return failures;
    }

    private static bool Evaluate(BenchmarkReport report)
    {
        var benchmark = report.BenchmarkCase;
        var name = Name(benchmark);
        var budget = Attribute.GetCustomAttribute(benchmark.Descriptor.WorkloadMethod, typeof(AllocationBudgetAttribute)) as AllocationBudgetAttribute;
        if (budget is null) return Fail(name, "has no [AllocationBudget]");
        if (!report.Success || report.ResultStatistics is null) return Fail(name, "did not run to completion, so its allocation is unknown");
        var measured = report.GcStats.GetBytesAllocatedPerOperation(benchmark);
        if (measured is not { } bytes) return Fail(name, "has no allocation measurement (is the MemoryDiagnoser on?)");
        var verdict = bytes <= budget.BytesPerOperation ? "ok  " : "FAIL";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{verdict} {name}: {bytes:N0} B/op, budget {budget.BytesPerOperation:N0} B/op ({budget.Why})"));
        return bytes <= budget.BytesPerOperation;
    }

    private static string Name(BenchmarkCase benchmark)
    {
        var name = benchmark.Descriptor.Type.Name + "." + benchmark.Descriptor.WorkloadMethod.Name;
        return benchmark.HasParameters ? name + " " + benchmark.Parameters.DisplayInfo : name;
    }

    private static bool Fail(string name, string reason)
    {
        Console.WriteLine($"FAIL {name} {reason}");
        return false;
    }
}
