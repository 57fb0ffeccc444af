using System.Collections.Immutable;
using RingRift.Adapters.Process;
using RingRift.Kernel;
using RingRift.Kernel.Gossip;
using RingRift.Kernel.Scheduling.Jobs;

namespace RingRift.Host.Config;

/// <summary>The host's own optional sections: <c>membership</c>, <c>election</c> and <c>jobs</c>.</summary>
internal static class SectionReaders
{
    private static readonly string[] MembershipKeys =
        ["mode", "heartbeat_interval", "suspect_timeout", "dead_timeout", "retire_timeout", "retired_probe_interval", "peer_table_max"];

    private static readonly string[] ElectionKeys =
        ["lease", "renew_interval", "leader_timeout", "candidate_timeout", "rank_step", "jitter", "startup_grace"];

    private static readonly string[] JobKeys = ["selfplay", "training", "gauntlet"];

    private static readonly string[] SchedulingKeys =
    [
        "report_interval", "plan_interval", "rebuild_window", "assign_timeout", "failure_cooldown", "stall_alarm_after",
        "work_lease", "work_lease_margin",
    ];

    public static (MembershipMode?, MembershipConfig?) Membership(ConfigNode? section, ConfigNode? legacyMode)
    {
        MembershipMode? mode = legacyMode is null ? null : Mode(legacyMode);
        if (section is null) return (mode, null);
        var d = MembershipConfig.Default;
        Duration? interval = null, suspect = null, dead = null, retire = null, probe = null;
        int? tableMax = null;
        foreach (var (key, value) in section.Entries(MembershipKeys))
        {
            switch (key)
            {
                case "mode": mode = Mode(value); break;
                case "heartbeat_interval": interval = value.Duration(); break;
                case "suspect_timeout": suspect = value.Duration(); break;
                case "dead_timeout": dead = value.Duration(); break;
                case "retire_timeout": retire = value.Duration(); break;
                case "retired_probe_interval": probe = value.Duration(); break;
                case "peer_table_max": tableMax = value.Int(1, 1_000_000); break;
            }
        }
        var config = new MembershipConfig(
            interval ?? d.HeartbeatInterval, suspect ?? d.SuspectTimeout, dead ?? d.DeadTimeout,
            retire ?? d.RetireTimeout, probe ?? d.RetiredProbeInterval, tableMax ?? d.PeerTableMax);
        var errors = config.Validate();
        if (errors.Count > 0) throw section.Error("membership: " + string.Join("; ", errors));
        return (mode, config);
    }

    public static ElectionTimings Election(ConfigNode section)
    {
        var values = new System.Collections.Generic.Dictionary<string, Duration>();
        foreach (var (key, value) in section.Entries(ElectionKeys))
            values[key] = value.Duration(allowZero: key is "rank_step" or "jitter" or "startup_grace");
        return new ElectionTimings(
            Get(values, "lease"), Get(values, "renew_interval"), Get(values, "leader_timeout"), Get(values, "candidate_timeout"),
            Get(values, "rank_step"), Get(values, "jitter"), Get(values, "startup_grace"));
    }

    /// <summary>
    /// The <c>scheduling</c> section turns dispatch on; each key overrides one of the kernel's default
    /// timings (an empty section, <c>scheduling: {}</c>, keeps them all).
    /// </summary>
    public static SchedulingConfig Scheduling(ConfigNode section)
    {
        var values = new System.Collections.Generic.Dictionary<string, Duration>();
        foreach (var (key, value) in section.Entries(SchedulingKeys)) values[key] = value.Duration();
        var d = SchedulingConfig.Default;
        return d with
        {
            ReportInterval = Get(values, "report_interval") ?? d.ReportInterval,
            PlanInterval = Get(values, "plan_interval") ?? d.PlanInterval,
            RebuildWindow = Get(values, "rebuild_window") ?? d.RebuildWindow,
            AssignTimeout = Get(values, "assign_timeout") ?? d.AssignTimeout,
            FailureCooldown = Get(values, "failure_cooldown") ?? d.FailureCooldown,
            StallAlarmAfter = Get(values, "stall_alarm_after") ?? d.StallAlarmAfter,
            WorkLease = Get(values, "work_lease") ?? d.WorkLease,
            WorkLeaseMargin = Get(values, "work_lease_margin") ?? d.WorkLeaseMargin,
        };
    }

    public static JobCommandTemplates Jobs(ConfigNode section)
    {
        var templates = ImmutableDictionary.CreateBuilder<JobKind, ImmutableArray<string>>();
        foreach (var (key, value) in section.Entries(JobKeys))
        {
            var kind = key switch { "selfplay" => JobKind.Selfplay, "training" => JobKind.Training, _ => JobKind.Gauntlet };
            templates[kind] = Argv(value);
        }
        return new JobCommandTemplates(templates.ToImmutable());
    }

    /// <summary>A command as a list of arguments, or as one string split on spaces.</summary>
    public static ImmutableArray<string> Argv(ConfigNode value)
    {
        var argv = ImmutableArray.CreateBuilder<string>();
        if (value.IsSequence)
            foreach (var item in value.Items()) argv.Add(item.Text());
        else
            argv.AddRange(value.Text().Split(' ', System.StringSplitOptions.RemoveEmptyEntries));
        if (argv.Count == 0) throw value.Error($"{value.Label} must name a program");
        return argv.ToImmutable();
    }

    private static MembershipMode Mode(ConfigNode value) => value.Text() switch
    {
        "heartbeat" or "http" => MembershipMode.Heartbeat,
        "swim" => MembershipMode.Swim,
        "hybrid" => MembershipMode.Hybrid,
        var other => throw value.Error($"{value.Label} must be heartbeat (or http), swim or hybrid, got '{other}'"),
    };

    private static Duration? Get(System.Collections.Generic.Dictionary<string, Duration> values, string key) =>
        values.TryGetValue(key, out var value) ? value : null;
}
