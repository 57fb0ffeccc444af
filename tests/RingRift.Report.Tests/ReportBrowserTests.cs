using System.IO;
using System.Linq;
using RingRift.Report.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace RingRift.Report.Tests;

/// <summary>
/// The reports, opened in a real headless browser: they must render with no script or console error, draw
/// one timeline lane per node and one mark per violation, and leave a screenshot in artifacts/report-tests.
/// </summary>
public sealed class ReportBrowserTests(ITestOutputHelper output)
{
    [BrowserFact]
    public void RunReport_LeaderCrash_RendersOneLanePerNodeWithoutErrors()
    {
        var html = Report("leader-crash", "run", "scenarios/election/leader-crash.yaml");

        var page = Open(html);

        Assert.Equal("7", page.BodyAttribute("data-lanes"));
        Assert.Equal(7, page.CountClass("node-lane"));
        Assert.Equal("0", page.BodyAttribute("data-violation-marks"));
        Screenshot(html, "leader-crash.png", 1500, 1100);
    }

    [BrowserFact]
    public void RunReport_ZoomedAndHovered_RedrawsWithoutErrors_AndTheTooltipShowsTheNotice()
    {
        var html = Report("leader-crash-selftest", "run", "scenarios/election/leader-crash.yaml");

        var page = Open(html, "#selftest");

        Assert.NotNull(page.BodyAttribute("data-redraw-ms"));
        Assert.Contains("aws-cpu1 leader_elected epoch=1 valid_until=", page.BodyAttribute("data-tooltip"), System.StringComparison.Ordinal);
        output.WriteLine("mean redraw: " + page.BodyAttribute("data-redraw-ms") + " ms");
    }

    [BrowserFact]
    public void RunReport_Healthy36NodeDay_OneLanePerNode()
    {
        var html = Report("healthy-36-node-day", "run", "scenarios/membership/healthy-36-node-day.yaml");

        var page = Open(html, "#selftest");

        Assert.Equal("36", page.BodyAttribute("data-lanes"));
        Assert.Equal(36, page.CountClass("node-lane"));
        output.WriteLine($"report {new FileInfo(html).Length} bytes, first render {page.BodyAttribute("data-render-ms")} ms, mean redraw {page.BodyAttribute("data-redraw-ms")} ms");
        Screenshot(html, "healthy-36-node-day.png", 1500, 1600);
    }

    [BrowserFact]
    public void RunReport_DispatchBroken_GpuLanesAlertMarkAndWorkCharts()
    {
        var html = Path.Combine(Repo.Artifacts, "dispatch-broken-alarm.html");
        var run = Sim.Run("run", "scenarios/scheduling/dispatch-broken-alarm.yaml", "--report", html);
        Assert.Contains("stall_alarms=1", run.ToString(), System.StringComparison.Ordinal);

        var page = Open(html, "#selftest");

        Assert.Equal("9", page.BodyAttribute("data-lanes"));
        Assert.Equal("6", page.BodyAttribute("data-gpu-lanes"));
        Assert.Equal("1", page.BodyAttribute("data-alert-marks"));
        Assert.Equal("1", page.BodyAttribute("data-violation-marks"));
        Assert.Equal(
            "messages_sent leader_changes elections jobs_running gpus_busy jobs_pending gpu_busy_micros gpu_idle_pending_micros games",
            page.BodyAttribute("data-charts"));
        Screenshot(html, "dispatch-broken-alarm.png", 1500, 2100);
    }

    [BrowserFact]
    public void SwarmReport_Workload_GpuBusyHistogramAcrossSeeds()
    {
        var html = Report("swarm-dispatch-broken", "swarm", "scenarios/scheduling/dispatch-broken-alarm.yaml", "--seeds", "2..2", "--parallel", "1");

        var page = Open(html);

        Assert.Equal("2", page.BodyAttribute("data-work-histograms"));
        Assert.Contains("GPU busy fraction per seed", page.Dom, System.StringComparison.Ordinal);
    }

    [BrowserFact]
    public void RunReport_ScenarioMadeToFail_OneViolationMarkPerViolation()
    {
        var html = Path.Combine(Repo.Artifacts, "drift-beyond-bound-fails.html");
        var run = Sim.Run("run", "scenarios/checks/drift-beyond-bound-fails.yaml", "--report", html);
        var violations = run.Lines.Count(l => l.StartsWith("VIOLATION ", System.StringComparison.Ordinal));

        var page = Open(html);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(1, violations);
        Assert.Equal(violations.ToString(System.Globalization.CultureInfo.InvariantCulture), page.BodyAttribute("data-violation-marks"));
        Assert.Equal(violations, page.CountClass("violation-mark"));
        Assert.Equal("5", page.BodyAttribute("data-lanes"));
        Screenshot(html, "drift-beyond-bound-fails.png", 1500, 1000);
    }

    [BrowserFact]
    public void RunReport_TooSlowNetwork_TwoViolationsAtOneInstant_TwoMarks()
    {
        var html = Path.Combine(Repo.Artifacts, "too-slow-network-fails.html");
        var run = Sim.Run("run", "scenarios/checks/too-slow-network-fails.yaml", "--report", html);
        var violations = run.Lines.Count(l => l.StartsWith("VIOLATION stable_membership at 90s ", System.StringComparison.Ordinal));

        var page = Open(html);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(2, violations);
        Assert.Equal(violations, page.CountClass("violation-mark"));
        Assert.Equal("3", page.BodyAttribute("data-lanes"));
    }

    [BrowserFact]
    public void SwarmReport_SevenNode_RendersWithoutErrors()
    {
        var html = Report("swarm-seven-node", "swarm", "scenarios/swarm/seven-node.yaml", "--seeds", "1..4", "--parallel", "1");

        var page = Open(html);

        Assert.Equal("0", page.BodyAttribute("data-failures"));
        Assert.Contains("time to new leader", page.Dom);
        Screenshot(html, "swarm-seven-node.png", 1400, 1000);
    }

    [BrowserFact]
    public void SwarmReport_CheckerMadeToFail_ListsEveryFailureWithItsReplay()
    {
        var html = Path.Combine(Repo.Artifacts, "swarm-fails.html");
        var run = Sim.Run("swarm", "scenarios/checks/too-slow-network-fails.yaml", "--seeds", "1..3", "--parallel", "1", "--report", html);
        var replays = run.Lines.Where(l => l.StartsWith("replay: ", System.StringComparison.Ordinal)).ToList();

        var page = Open(html);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(3, replays.Count);
        Assert.Equal("3", page.BodyAttribute("data-failures"));
        Assert.Contains("stable_membership: 3 seeds (1, 2, 3)", page.Dom, System.StringComparison.Ordinal);
        foreach (var replay in replays) Assert.Contains(replay, page.Dom, System.StringComparison.Ordinal);
        Screenshot(html, "swarm-fails.png", 1400, 1000);
    }

    private static string Report(string name, params string[] arguments)
    {
        var html = Path.Combine(Repo.Artifacts, name + ".html");
        var run = Sim.Run([.. arguments, "--report", html]);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(File.Exists(html), "no report at " + html + "\n" + run);
        return html;
    }

    /// <summary>Opens the page; fails on any script error, console.error or uncaught exception.</summary>
    private RenderedPage Open(string html, string fragment = "")
    {
        var outcome = Browser.DumpDom(html, fragment);
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var page = new RenderedPage(outcome.Stdout);
        Assert.Null(page.JsErrors);
        Assert.DoesNotContain("Uncaught", outcome.Stderr, System.StringComparison.Ordinal);
        Assert.Equal("1", page.BodyAttribute("data-ready"));
        return page;
    }

    private void Screenshot(string html, string name, int width, int height)
    {
        var png = Path.Combine(Repo.Artifacts, name);
        File.Delete(png);
        var outcome = Browser.Screenshot(html, png, width, height);
        Assert.True(File.Exists(png), "no screenshot\n" + outcome);
        var bytes = File.ReadAllBytes(png);
        Assert.True(bytes.Length > 10_000, $"screenshot {png} is only {bytes.Length} bytes");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        output.WriteLine("screenshot: " + png);
    }
}
