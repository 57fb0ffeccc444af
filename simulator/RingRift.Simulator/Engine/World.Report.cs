using System.Collections.Immutable;
using RingRift.Simulator.Scenarios;

namespace RingRift.Simulator.Engine;

internal sealed partial class World
{
    private void Evaluate(ExpectedView view)
    {
        var peer = NodeOf(view.Peer);
        if (view.Observer is { } observerId)
        {
            EvaluateOne(view, NodeOf(observerId), peer);
            return;
        }
        foreach (var observer in _nodes)
            if (observer != peer && observer.IsRunning && CanHearDirectly(observer, peer)) EvaluateOne(view, observer, peer);
    }

    private void EvaluateOne(ExpectedView view, SimNode observer, SimNode peer)
    {
        var where = $"{_scenario.SourceName}:{view.SourceLine}";
        if (!observer.IsRunning)
        {
            _expectationFailures.Add($"{where}: at {view.At}, observer {observer.Id} is {observer.RunState}, not running");
            return;
        }
        var seen = observer.Kernel!.Membership.StateOf(peer.Id);
        if (seen != view.State)
            _expectationFailures.Add(
                $"{where}: at {view.At}, {observer.Id} sees {peer.Id} as {seen?.ToString() ?? "unknown"}, expected {view.State}");
    }

    private RunReport Report()
    {
        var violations = _violations.ToImmutable();
        var failures = ImmutableArray.CreateBuilder<string>();
        failures.AddRange(_expectationFailures);
        var expected = _scenario.Expect.Violation;
        if (expected is null)
            foreach (var violation in violations) failures.Add("unexpected violation " + violation);
        else if (violations.IsEmpty || violations[0].Checker != expected)
            failures.Add($"expected a {expected} violation, got " + (violations.IsEmpty ? "none" : violations[0].ToString()));
        var net = _network.Counters;
        // The metrics integrate up to now first, so the timeline's GPU series hold the run's last stretch too.
        _jobMetrics?.AdvanceTo(_now);
        var report = new RunReport(
            _scenario.Name, _seed, new Kernel.Duration(_now), _counters.Events, net.Sent, _counters.Delivered, net.Dropped,
            _counters.MemberStateChanges, _counters.Crashes, _counters.Restarts, _counters.JobsLaunched, _counters.JobsExited,
            Leases.Elections, Leases.LeaderChanges, Leases.MaxEpoch, Leases.MaxValidAtOnce,
            violations, [], _trace.Hash)
        {
            DeathDetections = _stats.Detections,
            DeathDetectionsIncomplete = _stats.DetectionsIncomplete,
            FalseDeadDeclarations = _stats.FalseDeadDeclarations,
            Decommissions = _counters.Decommissions,
            MembershipMessagesSent = _counters.MembershipMessagesSent,
            NodeRunningTime = _stats.RunningTime,
            Timeline = _timeline?.Finish(_now, violations),
            Jobs = _workload is null ? null : _jobMetrics!.Figures(_now, _workload, new Kernel.Duration(_now)),
            Failovers = [.. Leases.Failovers],
            Sync = SyncFiguresNow(),
            Ops = _ops?.Figures(_now),
            Scaling = ScalingFiguresNow(),
        };
        foreach (var figure in _scenario.Expect.Figures)
        {
            var actual = RunFigures.Read(report, figure.Name);
            if (!figure.Holds(actual))
                failures.Add($"{_scenario.SourceName}:{figure.SourceLine}: summary {figure.Name} = {actual}, expected {figure.Describe()}");
        }
        return report with { ExpectationFailures = failures.ToImmutable() };
    }
}
