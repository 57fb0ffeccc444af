using RingRift.Simulator.Scenarios;
using Xunit;

namespace RingRift.Simulator.Tests.ScenarioParsing;

public sealed class MalformedScenarioTests
{
    private const string Source = "bad.yaml";

    /// <summary>A valid scenario of eight lines; a case appends its own lines from line 9 on.</summary>
    private const string Header = """
        name: bad
        duration: 1h
        cluster:
          p2p_voters: [hetzner-cpu1]
          hosts:
            hetzner-cpu1: { memory_gb: 64, cpus: 16, disk_gb: 1000 }
            lambda-gh200-1: { gpu: GH200, gpu_vram_gb: 96, memory_gb: 480, cpus: 72, disk_gb: 4000 }
            vast-old-1: { memory_gb: 32, cpus: 8, disk_gb: 100, status: offline }

        """;

    private static string Cluster(string hosts, string voters = "[hetzner-cpu1]") =>
        "name: bad\nduration: 1h\ncluster:\n  p2p_voters: " + voters + "\n  hosts:\n" + hosts;

    public static TheoryData<string, string, int, string> Cases() => new()
    {
        // YAML itself
        { "syntax error", Header + "timeline:\n  - { at: 1m, crash: [hetzner-cpu1 }\n", 10, "YAML syntax error: While parsing a flow sequence" },
        { "unclosed flow mapping", Header + "swarm: { safety_phase: 10m\nseed: 3\n", 9, "YAML syntax error: a '[' or '{' is not closed" },
        { "duplicate key", Header + "seed: 1\nseed: 2\n", 10, "YAML syntax error: Duplicate key seed" },
        { "empty text", "# nothing here\n", 1, "the scenario is empty" },
        { "two documents", Header + "---\nname: again\n", 10, "a scenario is one YAML document" },
        { "root not a mapping", "- name: bad\n", 1, "the scenario must be a mapping of keys to values, got a list" },

        // Keys
        { "unknown top-level key", Header + "seeds: 3\n", 9, "unknown key 'seeds' in the scenario (did you mean 'seed'?); allowed: name, description, seed," },
        { "unknown membership key", Header + "membership:\n  hearbeat_interval: 10s\n", 10, "unknown key 'hearbeat_interval' in membership (did you mean 'heartbeat_interval'?)" },
        { "unknown host key", Cluster("    hetzner-cpu1: { memory_gb: 64, cpus: 16, disk: 1000 }\n"), 6, "unknown key 'disk' in host 'hetzner-cpu1'" },
        { "unknown view key", Header + "expect:\n  views:\n    - { at: 1m, peer: hetzner-cpu1, sate: alive }\n", 11, "unknown key 'sate' in an expected view (did you mean 'state'?)" },
        { "missing name", "duration: 1h\ncluster: { hosts: { a: { memory_gb: 1, cpus: 1, disk_gb: 1 } } }\n", 1, "missing required key 'name' in the scenario" },
        { "missing duration", "name: bad\ncluster: { hosts: { a: { memory_gb: 1, cpus: 1, disk_gb: 1 } } }\n", 1, "missing required key 'duration' in the scenario" },
        { "missing host key", Cluster("    hetzner-cpu1: { memory_gb: 64, cpus: 16 }\n"), 6, "missing required key 'disk_gb' in host 'hetzner-cpu1'" },
        { "missing gpu vram", Cluster("    hetzner-cpu1: { gpu: A40, memory_gb: 64, cpus: 16, disk_gb: 1 }\n"), 6, "missing required key 'gpu_vram_gb' in host 'hetzner-cpu1'" },
        { "gpu count without gpu", Cluster("    hetzner-cpu1: { gpu_count: 2, memory_gb: 64, cpus: 16, disk_gb: 1 }\n"), 6, "'gpu_count' needs 'gpu'" },

        // Types and values
        { "list for a number", Header + "seed: [1]\n", 9, "'seed' must be a whole number, got a list" },
        { "negative seed", Header + "seed: -1\n", 9, "'seed' must be a whole number from 0 to 18446744073709551615, got '-1'" },
        { "mapping for a list", Header + "timeline: { at: 1m }\n", 9, "'timeline' must be a list, got a mapping" },
        { "not a boolean", Cluster("    hetzner-cpu1: { nat_blocked: yes, memory_gb: 64, cpus: 16, disk_gb: 1 }\n"), 6, "'nat_blocked' must be true or false, got 'yes'" },
        { "number out of range", Cluster("    hetzner-cpu1: { memory_gb: 64, cpus: 0, disk_gb: 1 }\n"), 6, "'cpus' must be between 1 and 100000, got 0" },
        { "unknown status", Cluster("    hetzner-cpu1: { status: down, memory_gb: 64, cpus: 16, disk_gb: 1 }\n"), 6, "'status' must be one of ready | offline | proxy_only, got 'down'" },
        { "empty value", Header + "description:\n", 9, "'description' must be a text, got nothing" },
        { "bad duration", Header + "timeline:\n  - { at: 10 m, heal: network }\n", 10, "'at': bad duration '10 m': unexpected ' '" },
        { "duration without unit", "name: bad\nduration: 90\n", 2, "'duration': bad duration '90': '90' has no unit" },
        { "zero duration", "name: bad\nduration: 0s\n", 2, "'duration' must be longer than 0s" },
        { "negative pause", Header + "timeline:\n  - { at: 1m, pause: lambda-gh200-1, for: -5m }\n", 10, "'for': bad duration '-5m'" },
        { "sub-basis-point ratio", Header + "network:\n  loss: 0.005%\n", 10, "'loss': bad ratio '0.005%': finer than one basis point (0.01%)" },
        { "ratio above 100%", Header + "network:\n  loss: 101%\n", 10, "'loss' must be at most 100.00%, got 101.00%" },
        { "latency out of order", Header + "network:\n  nat_relay: { min: 3s, median: 2s, p99: 5s }\n", 10, "network.nat_relay needs min <= median <= p99, got 3s, 2s, 5s" },
        { "inconsistent timeouts", Header + "membership:\n  suspect_timeout: 90s\n  dead_timeout: 60s\n", 9, "membership: dead_timeout (1m) must be greater than suspect_timeout (90s)" },
        { "two timeout problems", Header + "membership:\n  dead_timeout: 60s\n  retire_timeout: 30s\n", 9, "membership: dead_timeout (1m) must be greater than suspect_timeout (90s); retire_timeout (30s) must be greater than dead_timeout (1m)" },

        // Cluster
        { "invalid host id", Cluster("    bad id!: { memory_gb: 64, cpus: 16, disk_gb: 1 }\n"), 6, "host id 'bad id!' must be 1 to 128 letters, digits" },
        { "voter not a host", Cluster("    hetzner-cpu1: { memory_gb: 64, cpus: 16, disk_gb: 1 }\n", "[hetzner-cpu2]"), 4, "p2p_voters names 'hetzner-cpu2', which is not a host (did you mean 'hetzner-cpu1'?)" },
        { "offline voter", Cluster("    hetzner-cpu1: { status: offline, memory_gb: 64, cpus: 16, disk_gb: 1 }\n"), 4, "voter 'hetzner-cpu1' is offline" },
        { "duplicate voter", Cluster("    hetzner-cpu1: { memory_gb: 64, cpus: 16, disk_gb: 1 }\n", "[hetzner-cpu1, hetzner-cpu1]"), 4, "p2p_voters names 'hetzner-cpu1' twice" },
        { "duplicate host", Header.Replace("  hosts:", "  generate:\n    - { prefix: lambda-gh200-, count: 2, memory_gb: 1, cpus: 1, disk_gb: 1 }\n  hosts:"), 6, "duplicate host 'lambda-gh200-1' (first defined at line 9)" },
        { "no running host", Cluster("    hetzner-cpu1: { status: offline, memory_gb: 64, cpus: 16, disk_gb: 1 }\n", "[]"), 3, "the cluster needs at least one host that is not offline" },

        // Timeline
        { "time beyond duration", Header + "timeline:\n  - { at: 2h, heal: network }\n", 10, "'at' 2h is beyond the scenario's duration 1h" },
        { "unknown node in timeline", Header + "timeline:\n  - { at: 1m, crash: lambda-gh200-2 }\n", 10, "'crash' names unknown node 'lambda-gh200-2' (did you mean 'lambda-gh200-1'?)" },
        { "offline node in timeline", Header + "timeline:\n  - { at: 1m, restart: vast-old-1 }\n", 10, "'restart' names 'vast-old-1', an offline host" },
        { "unknown node in a list", Header + "timeline:\n  - { at: 1m, partition: [hetzner-cpu1, lambda-gh200-9] }\n", 10, "an entry of 'partition' names unknown node 'lambda-gh200-9'" },
        { "no verb", Header + "timeline:\n  - { at: 1m }\n", 10, "a timeline entry needs a verb besides 'at': one of crash, restart, pause, clock_step" },
        { "unknown verb", Header + "timeline:\n  - at: 1m\n    crsh: hetzner-cpu1\n", 11, "unknown verb 'crsh' in a timeline entry (did you mean 'crash'?)" },
        { "two verbs", Header + "timeline:\n  - { at: 1m, crash: hetzner-cpu1, restart: hetzner-cpu1 }\n", 10, "has exactly one verb, but this one has 'crash' and 'restart'" },
        { "option of another verb", Header + "timeline:\n  - { at: 1m, crash: hetzner-cpu1, for: 5m }\n", 10, "unknown key 'for' in a 'crash' entry; allowed: at, crash, torn_write" },
        { "missing at", Header + "timeline:\n  - { heal: network }\n", 10, "missing required key 'at' in a 'heal' entry" },
        { "restart while running", Header + "timeline:\n  - { at: 1m, restart: hetzner-cpu1 }\n", 10, "restart: 'hetzner-cpu1' is not crashed at 1m" },
        { "crash twice", Header + "timeline:\n  - { at: 5m, crash: hetzner-cpu1 }\n  - { at: 1m, crash: hetzner-cpu1 }\n", 10, "crash: 'hetzner-cpu1' is already crashed at 5m (crashed at line 11)" },
        { "terminate unknown job", Header + "timeline:\n  - { at: 1m, terminate: hetzner-cpu1, job: sp-9 }\n", 10, "terminate: no launch before 1m starts job 'sp-9'" },
        { "partition of everyone", Header + "timeline:\n  - { at: 1m, partition: [hetzner-cpu1, lambda-gh200-1] }\n", 10, "partition names every node" },
        { "partition sides overlap", Header + "timeline:\n  - { at: 1m, partition: [hetzner-cpu1], from: [lambda-gh200-1, hetzner-cpu1] }\n", 10, "'hetzner-cpu1' is on both sides" },
        { "flap of one node", Header + "timeline:\n  - { at: 1m, flap: [hetzner-cpu1], period: 30s }\n", 10, "'flap' must name at least 2 nodes, got 1" },
        { "link_delay without per_hour", Header + "timeline:\n  - { at: 1m, link_delay: hetzner-cpu1, to: 5s }\n", 10, "missing required key 'per_hour' in a 'link_delay' entry" },
        { "link_delay shrinking", Header + "timeline:\n  - { at: 1m, link_delay: hetzner-cpu1, per_hour: -5s }\n", 10, "'per_hour'" },
        { "heal something else", Header + "timeline:\n  - { at: 1m, heal: disk }\n", 10, "'heal' takes 'network', got 'disk'" },
        { "network key typo", Header + "timeline:\n  - { at: 1m, network: { los: 1% } }\n", 10, "unknown key 'los' in network (did you mean 'loss'?)" },
        { "gpu fault on cpu node", Header + "timeline:\n  - { at: 1m, gpu: hetzner-cpu1, fault: hang }\n", 10, "gpu names 'hetzner-cpu1', which has no GPU" },
        { "unknown gpu fault", Header + "timeline:\n  - { at: 1m, gpu: lambda-gh200-1, fault: hung }\n", 10, "'fault' must be one of fail_stop | hang | straggler | misdetected | recover, got 'hung' (did you mean 'hang'?)" },
        { "straggler without slowdown", Header + "timeline:\n  - { at: 1m, gpu: lambda-gh200-1, fault: straggler }\n", 10, "missing required key 'slowdown' in a 'gpu' entry" },
        { "slowdown for a hang", Header + "timeline:\n  - { at: 1m, gpu: lambda-gh200-1, fault: hang, slowdown: 200% }\n", 10, "'slowdown' applies only to fault: straggler" },
        { "slowdown not above 100%", Header + "timeline:\n  - { at: 1m, gpu: lambda-gh200-1, fault: straggler, slowdown: 90% }\n", 10, "'slowdown' is the straggler's runtime as a whole percent above 100%, e.g. 300%; got 90.00%" },
        { "latency for a full disk", Header + "timeline:\n  - { at: 1m, disk: hetzner-cpu1, fault: full, latency: 2s }\n", 10, "'latency' applies only to fault: slow" },
        { "unknown config", Header + "timeline:\n  - { at: 1m, launch: lambda-gh200-1, job: { id: j, kind: selfplay, config: square9_2p, runtime: 1m } }\n", 10, "unknown config 'square9_2p' (did you mean 'square19_2p'?)" },
        { "unknown job kind", Header + "timeline:\n  - { at: 1m, launch: lambda-gh200-1, job: { id: j, kind: eval, config: hex8_2p, runtime: 1m } }\n", 10, "'kind' must be one of selfplay | training | gauntlet, got 'eval'" },

        // Checks and expectations
        { "unknown check", Header + "checks: [stable_membershp]\n", 9, "unknown check 'stable_membershp' (did you mean 'stable_membership'?); known: incarnation_durable, membership_lifecycle, stable_membership" },
        { "duplicate check", Header + "checks: [job_slots, job_slots]\n", 9, "'checks' names 'job_slots' twice" },
        { "empty checks", Header + "checks: []\n", 9, "'checks' must name at least one check" },
        { "violation not checked", Header + "checks: [job_slots]\nexpect: { violation: stable_membership }\n", 10, "expect.violation names 'stable_membership', which is not among the checks run: job_slots" },
        { "unknown node in expect", Header + "expect:\n  views:\n    - { at: 1m, observer: hetzner-cpu2, peer: lambda-gh200-1, state: dead }\n", 11, "'observer' names unknown node 'hetzner-cpu2' (did you mean 'hetzner-cpu1'?)" },
        { "unknown state", Header + "expect:\n  views:\n    - { at: 1m, peer: lambda-gh200-1, state: gone }\n", 11, "'state' must be one of alive | suspect | dead | retired, got 'gone'" },
        { "observer is the peer", Header + "expect:\n  views:\n    - { at: 1m, observer: hetzner-cpu1, peer: hetzner-cpu1, state: alive }\n", 11, "'hetzner-cpu1' cannot observe itself" },
        { "view beyond duration", Header + "expect:\n  views:\n    - { at: 61m, peer: hetzner-cpu1, state: alive }\n", 11, "'at' 61m is beyond the scenario's duration 1h" },
        { "bad swarm phase", Header + "swarm: { safety_phase: 0s }\n", 9, "'safety_phase' must be longer than 0s" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parse_MalformedInput_ReportsLineAndProblem(string @case, string yaml, int line, string fragment)
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioParser.Parse(yaml, Source));

        Assert.True(error.Problem.Contains(fragment, System.StringComparison.Ordinal), $"{@case}: '{error.Problem}' lacks '{fragment}'");
        Assert.Equal((@case, Source, line), (@case, error.FileName, error.Line));
        Assert.Equal($"{Source}:{line}: {error.Problem}", error.Message);
    }

    [Fact]
    public void Header_Alone_IsValid()
    {
        var scenario = ScenarioParser.Parse(Header, Source);

        Assert.Equal(2, scenario.Hosts.Length);
    }
}
