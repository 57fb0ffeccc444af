using System.Collections.Generic;
using System.Collections.Immutable;
using RingRift.Kernel;
using RingRift.Kernel.Election;
using RingRift.Kernel.Gossip;
using RingRift.Kernel.Node;
using RingRift.Kernel.Scheduling;
using RingRift.Kernel.Scheduling.Jobs;
using RingRift.Simulator.Checking;
using RingRift.Simulator.Scenarios;

namespace RingRift.Simulator.Reporting;

/// <summary>
/// Builds the <see cref="RunTimeline"/> of a run from what the world already handles: boots, crashes,
/// pauses, the notices of every Ready, sends, timeline entries and network changes. It never feeds
/// anything back and is not part of the trace, so a run gives the same trace hash with or without it.
/// The world holds it only when a report was asked for; otherwise every hook is one null check.
/// Each hook is O(1) except boots, crashes and network changes (O(n) or O(n²)), which are rare.
/// </summary>
internal sealed partial class TimelineRecorder
{
    /// <summary>The state of the cluster-wide leader lane while nobody holds leadership.</summary>
    public const string NoLeader = "none";

    public const string MessagesSent = "messages_sent";
    public const string LeaderChanges = "leader_changes";
    public const string Elections = "elections";
    public const string MemberStateChanges = "member_state_changes";
    public const string JobsRunning = "jobs_running";
    public const int MarksMax = 50_000;

    private readonly Scenario _scenario;
    private readonly string[] _names;
    private readonly LaneBook _lanes = new();
    private readonly SeriesBook _series;
    private readonly FaultWindowBook _windows = new();
    private readonly MajorityView _majority;
    private readonly List<TimelineMark> _marks = new();
    private readonly long[] _messages;
    private readonly int[] _jobs;
    private readonly bool[] _leading;
    private long _jobsTotal;
    private bool _marksTruncated;

    public TimelineRecorder(Scenario scenario)
    {
        _scenario = scenario;
        var n = scenario.Hosts.Length;
        _names = new string[n];
        for (var i = 0; i < n; i++) _names[i] = scenario.Hosts[i].Node.Value;
        _series = new SeriesBook(scenario.Duration.Micros);
        _messages = _series.CountsOf(MessagesSent);
        _series.Declare(LeaderChanges, SeriesKind.Count);
        _series.Declare(Elections, SeriesKind.Count);
        _series.Declare(MemberStateChanges, SeriesKind.Count);
        _series.Declare(JobsRunning, SeriesKind.Gauge);
        _majority = new MajorityView(n);
        _jobs = new int[n];
        _leading = new bool[n];
        _lanes.Set(LaneKinds.Leader, -1, 0, NoLeader, "no leader yet");
        for (var i = 0; i < n; i++) _lanes.Set(LaneKinds.Network, i, 0, "connected", "start");
        StartGpus();
    }

    /// <summary>A message handed to the network (as the summary's "messages sent" counts them): one array increment.</summary>
    public void OnSend(long now) => _messages[_series.Bucket(now)]++;

    public void OnBoot(long now, int node, long life)
    {
        var what = $"{_names[node]} boot life={life}";
        _lanes.Set(LaneKinds.Run, node, now, "up", what);
        _lanes.Set(LaneKinds.Role, node, now, "leaderless", what);
        SetJobs(now, node, 0, what);
        _majority.Boot(node);
        RefreshMembership(now, what);
    }

    public void OnCrash(long now, int node, bool tornWrite)
    {
        var what = $"{_names[node]} crash torn_write={tornWrite}";
        _lanes.Set(LaneKinds.Run, node, now, "crashed", what);
        _lanes.Set(LaneKinds.Role, node, now, "down", what);
        SetJobs(now, node, 0, what);
        SetLeading(now, node, false, what);
        _majority.Crash(node);
        RefreshMembership(now, what);
    }

    public void OnPause(long now, int node, Duration span)
    {
        var what = $"{_names[node]} pause for={span}";
        _lanes.Set(LaneKinds.Run, node, now, "paused", what);
        _windows.Add(now, now + span.Micros, "pause", what, [node]);
    }

    public void OnResume(long now, int node) => _lanes.Set(LaneKinds.Run, node, now, "up", $"{_names[node]} resume");

    /// <summary>A notice from <paramref name="node"/>'s Ready, as the trace prints it.</summary>
    public void OnNotice(long now, int node, Notice notice)
    {
        switch (notice)
        {
            case MemberStateChanged change: OnMemberStateChanged(now, node, change); break;
            case ElectionStarted started: OnElectionStarted(now, node, started); break;
            case LeaderElected elected: OnLeaderElected(now, node, elected); break;
            case LeaderSteppedDown down: SetRole(now, node, "leaderless", notice); SetLeading(now, node, false, Text(node, notice)); break;
            case LeaderChanged changed: OnLeaderChanged(now, node, changed); break;
            case JobLaunched: SetJobs(now, node, _jobs[node] + 1, Text(node, notice)); break;
            case JobExited: SetJobs(now, node, System.Math.Max(0, _jobs[node] - 1), Text(node, notice)); break;
            case JobLaunchFailed or PersistRetrying or LocalStallDetected or DispatchStalled or JobLost
                or Kernel.Monitoring.AlertRaised or Kernel.Monitoring.HealingAction:
                Mark(now, node, "alert", notice.Name, Text(node, notice));
                break;
        }
    }

    /// <summary>
    /// Sets lane (<paramref name="kind"/>, <paramref name="node"/>) to <paramref name="state"/> from now on: the
    /// extension point for lanes that new notices feed (GPU busy / idle with work pending, transfers).
    /// </summary>
    public void SetLane(string kind, int node, long now, string state, string detail) => _lanes.Set(kind, node, now, state, detail);

    /// <summary>A point on the timeline; <paramref name="node"/> -1 for the whole cluster.</summary>
    public void Mark(long now, int node, string kind, string label, string detail)
    {
        if (_marks.Count >= MarksMax)
        {
            _marksTruncated = true;
            return;
        }
        _marks.Add(new TimelineMark(now, node, kind, label, detail));
    }

    /// <summary>The finished timeline, with a mark for every violation that stopped or failed the run.</summary>
    public RunTimeline Finish(long end, ImmutableArray<Violation> violations)
    {
        foreach (var violation in violations)
            Mark(violation.At.Micros, -1, "violation", violation.Checker, violation.Message);
        var nodes = ImmutableArray.CreateBuilder<TimelineNode>(_names.Length);
        foreach (var host in _scenario.Hosts)
        {
            var p = host.Profile;
            nodes.Add(new TimelineNode(p.Node.Value, p.IsVoter, p.Gpu.Count, p.Gpu.Model, p.NatBlocked));
        }
        return new RunTimeline(
            end, _series.BucketMicros, nodes.MoveToImmutable(), _scenario.Checks, _lanes.Finish(end), [.. _marks],
            _windows.Finish(end), _series.Finish(), _lanes.Truncated || _windows.Truncated || _marksTruncated);
    }

    private void OnMemberStateChanged(long now, int observer, MemberStateChanged change)
    {
        _series.Count(MemberStateChanges, now);
        var peer = System.Array.IndexOf(_names, change.Peer.Value);
        if (peer < 0) return;
        _majority.Change(observer, peer, change.To);
        _lanes.Set(LaneKinds.Membership, peer, now, StateName(_majority.Of(peer)), Text(observer, change));
    }

    private void OnElectionStarted(long now, int node, ElectionStarted started)
    {
        _series.Count(Elections, now);
        SetRole(now, node, "candidate", started);
    }

    private void OnLeaderElected(long now, int node, LeaderElected elected)
    {
        _series.Count(LeaderChanges, now);
        SetRole(now, node, "leader", elected);
        Mark(now, node, "epoch", "e" + elected.Epoch.ToString(System.Globalization.CultureInfo.InvariantCulture), Text(node, elected));
        SetLeading(now, node, true, Text(node, elected));
    }

    private void OnLeaderChanged(long now, int node, LeaderChanged changed)
    {
        if (changed.Leader is { } leader && leader.Value == _names[node]) return;
        if (_leading[node]) return;
        SetRole(now, node, changed.Leader is null ? "leaderless" : "follower", changed);
    }

    private void SetRole(long now, int node, string role, Notice notice) => _lanes.Set(LaneKinds.Role, node, now, role, Text(node, notice));

    private void SetLeading(long now, int node, bool leading, string detail)
    {
        if (_leading[node] == leading) return;
        _leading[node] = leading;
        var holders = new System.Text.StringBuilder();
        for (var i = 0; i < _leading.Length; i++)
            if (_leading[i]) holders.Append(holders.Length == 0 ? "" : ",").Append(_names[i]);
        _lanes.Set(LaneKinds.Leader, -1, now, holders.Length == 0 ? NoLeader : holders.ToString(), detail);
    }

    private void SetJobs(long now, int node, int count, string detail)
    {
        _jobsTotal += count - _jobs[node];
        _jobs[node] = count;
        _lanes.Set(LaneKinds.Jobs, node, now, count.ToString(System.Globalization.CultureInfo.InvariantCulture), detail);
        _series.Gauge(JobsRunning, now, _jobsTotal);
    }

    /// <summary>After a boot or crash every peer's majority may have moved: O(n).</summary>
    private void RefreshMembership(long now, string detail)
    {
        for (var peer = 0; peer < _names.Length; peer++)
            _lanes.Set(LaneKinds.Membership, peer, now, StateName(_majority.Of(peer)), detail);
    }

    private string Text(int node, Notice notice) => _names[node] + " " + notice.Name + " " + notice.Describe();

    private static string StateName(MemberState state) => state switch
    {
        MemberState.Alive => "alive",
        MemberState.Suspect => "suspect",
        MemberState.Dead => "dead",
        _ => "retired",
    };
}
