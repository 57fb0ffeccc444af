using System;
using System.Collections.Generic;
using System.Linq;
using RingRift.Host.Config;
using RingRift.Host.Tests.Support;
using RingRift.Kernel;
using RingRift.Kernel.Gossip;
using Xunit;

namespace RingRift.Host.Tests;

public sealed class ConfigTests
{
    private const string DistributedHosts = """
        p2p_voters:
          - hetzner-cpu1
          - nebius-h100-1
        sync_routing: { replication_target: 3 }
        hosts:
          hetzner-cpu1:
            ssh_host: 10.0.0.1
            role: coordinator
            memory_gb: 64
            cpus: 16
          nebius-h100-1: { tailscale_ip: 100.64.0.2, gpu: H100, gpu_vram_gb: 80, memory_gb: 200, cpus: 16, disk_gb: 1000 }
          vast-4090-1: { p2p_address: "10.0.0.3:9000", gpu: RTX 4090, gpu_count: 8, gpu_vram_gb: 24, nat_blocked: true }
          old-box: { status: offline }
        jobs:
          selfplay: python3 selfplay.py --board {config}
        """;

    [Fact]
    public void Parse_DistributedHostsShape_ReadsHostsVotersAndAddresses()
    {
        var file = ClusterFileLoader.Parse(DistributedHosts, "hosts.yaml");

        Assert.Equal(["hetzner-cpu1", "nebius-h100-1", "vast-4090-1"], file.Hosts.Select(h => h.Profile.Node.Value));
        Assert.Equal(["hetzner-cpu1", "nebius-h100-1"], file.Voters.Select(v => v.Value));
        var vast = file.Hosts.Single(h => h.Profile.Node.Value == "vast-4090-1");
        Assert.True(vast.Profile.NatBlocked);
        Assert.Equal(8, vast.Profile.Gpu.Count);
        Assert.Equal(new Uri("http://10.0.0.3:9000/"), vast.Address);
        Assert.Equal(new Uri("http://100.64.0.2:8770/"), file.Hosts.Single(h => h.Profile.Node.Value == "nebius-h100-1").Address);
        Assert.Equal("hetzner", file.Hosts[0].Profile.Provider);
        Assert.Equal(["python3", "selfplay.py", "--board", "{config}"], file.Jobs.All[JobKind.Selfplay].ToArray());
    }

    [Fact]
    public void Parse_ScenarioShape_ReadsTheClusterBlockAndIgnoresTheTimeline()
    {
        const string scenario = """
            name: x
            cluster:
              p2p_voters: [a1]
              generate:
                - { prefix: a, count: 3, memory_gb: 8, cpus: 2, disk_gb: 10 }
            membership: { mode: swim }
            timeline:
              - { at: 1m, crash: a1 }
            """;

        var file = ClusterFileLoader.Parse(scenario, "s.yaml");

        Assert.Equal(3, file.Hosts.Length);
        Assert.Equal(MembershipMode.Swim, file.Mode);
        Assert.True(file.Hosts[0].Profile.IsVoter);
    }

    [Theory]
    [InlineData("hosts:\n  a: { memroy_gb: 8 }\n", "f.yaml:2: unknown key 'memroy_gb'")]
    [InlineData("hosts:\n  a: { cpus: lots }\n", "f.yaml:2: 'cpus' must be a whole number")]
    [InlineData("p2p_voters: [b]\nhosts:\n  a: {}\n", "f.yaml:1: p2p_voters names 'b'")]
    [InlineData("hosts:\n  a: {}\nmembership:\n  heartbeat_interval: soon\n", "f.yaml:4: 'heartbeat_interval' must be a positive duration")]
    [InlineData("hosts:\n  a: {}\nelection:\n  lease: 1s\n  renew_interval: 4s\n", "")]
    [InlineData("hosts: [\n", "f.yaml:")]
    public void Parse_BadFile_NamesFileAndLine(string yaml, string expected)
    {
        var error = Assert.Throws<ConfigException>(() =>
        {
            var file = ClusterFileLoader.Parse(yaml, "f.yaml");
            // Timing relationships are the kernel's to check; they surface from the settings builder.
            if (file.Election is not null) throw new ConfigException("election checked later");
        });
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Build_ElectionTimingsInconsistent_StopsWithTheKernelsReason()
    {
        using var dir = new TempDir();
        System.IO.File.WriteAllText(dir.File("c.yaml"), "hosts:\n  a: {}\nelection:\n  lease: 1s\n  renew_interval: 4s\n");

        var error = Assert.Throws<ConfigException>(() => SettingsBuilder.Build(
            HostArguments.Parse(["--node-id", "a", "--config", dir.File("c.yaml")]), Env(("RINGRIFT_CLUSTER_AUTH_TOKEN", TestCluster.Secret))));

        Assert.Contains("lease", error.Message);
    }

    [Fact]
    public void Build_SchedulingSection_TurnsDispatchOnWithItsTimings()
    {
        using var dir = new TempDir();
        System.IO.File.WriteAllText(dir.File("c.yaml"), "hosts:\n  a: { gpu: H100, gpu_vram_gb: 80 }\nscheduling: { report_interval: 2s, work_lease: 20s }\n");

        var settings = SettingsBuilder.Build(
            HostArguments.Parse(["--node-id", "a", "--config", dir.File("c.yaml")]), Env(("RINGRIFT_CLUSTER_AUTH_TOKEN", TestCluster.Secret)));

        var scheduling = Assert.IsType<Kernel.Scheduling.Jobs.SchedulingConfig>(settings.Kernel.Scheduling);
        Assert.Equal(Duration.FromSeconds(2), scheduling.ReportInterval);
        Assert.Equal(Duration.FromSeconds(20), scheduling.WorkLease);
        Assert.Equal(Kernel.Scheduling.Jobs.SchedulingConfig.Default.PlanInterval, scheduling.PlanInterval);
    }

    [Fact]
    public void Build_NoSchedulingSection_LeavesDispatchOff()
    {
        var settings = SettingsBuilder.Build(HostArguments.Parse(["--node-id", "a"]), Env(("RINGRIFT_CLUSTER_AUTH_TOKEN", TestCluster.Secret)));

        Assert.Null(settings.Kernel.Scheduling);
    }

    [Theory]
    [InlineData("scheduling: { report_intervl: 2s }\n", "c.yaml:3: unknown key 'report_intervl'")]
    [InlineData("scheduling: { work_lease: 1s }\n", "work_lease")]
    public void Build_BadSchedulingSection_NamesTheKeyAndReason(string section, string expected)
    {
        using var dir = new TempDir();
        System.IO.File.WriteAllText(dir.File("c.yaml"), "hosts:\n  a: {}\n" + section);

        var error = Assert.Throws<ConfigException>(() => SettingsBuilder.Build(
            HostArguments.Parse(["--node-id", "a", "--config", dir.File("c.yaml")]), Env(("RINGRIFT_CLUSTER_AUTH_TOKEN", TestCluster.Secret))));

        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData(new[] { "--port", "1" }, "--node-id is required")]
    [InlineData(new[] { "--node-id", "a", "--port", "99999" }, "--port: '99999'")]
    [InlineData(new[] { "--node-id", "a", "--peers", "b=nowhere" }, "--peers: 'b=nowhere'")]
    [InlineData(new[] { "--node-id", "a", "--frobnicate", "1" }, "unknown flag '--frobnicate'")]
    [InlineData(new[] { "--node-id", "../a" }, "--node-id")]
    public void Parse_BadFlags_NameTheFlag(string[] args, string expected)
    {
        var error = Assert.Throws<ConfigException>(() => HostArguments.Parse(args));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Build_PeersWithoutFile_MakesEveryNodeAVoterAndKnowsTheirAddresses()
    {
        var settings = SettingsBuilder.Build(
            HostArguments.Parse(["--node-id", "a", "--peers", "b=127.0.0.1:9001,c=127.0.0.1:9002", "--port", "9000"]),
            Env(("RINGRIFT_CLUSTER_AUTH_TOKEN", TestCluster.Secret)));

        Assert.Equal(3, settings.Kernel.Cluster.Length);
        Assert.All(settings.Kernel.Cluster, p => Assert.True(p.IsVoter));
        Assert.Equal(new Uri("http://127.0.0.1:9002/"), settings.PeerAddresses[new NodeId("c")]);
        Assert.Equal(9000, settings.Port);
    }

    [Fact]
    public void Build_NoSecret_RefusesToStart()
    {
        var error = Assert.Throws<ConfigException>(() => SettingsBuilder.Build(HostArguments.Parse(["--node-id", "a"]), Env()));

        Assert.Contains("no cluster secret", error.Message);
    }

    [Theory]
    [InlineData("RINGRIFT_HEARTBEAT_INTERVAL", "fast")]
    [InlineData("RINGRIFT_MEMBERSHIP_MODE", "gossipy")]
    [InlineData("RINGRIFT_P2P_PORT", "0")]
    [InlineData("RINGRIFT_P2P_LEADER_LEASE_SECONDS", "-3")]
    [InlineData("RINGRIFT_PEER_TIMEOUT", "soon")]
    [InlineData("RINGRIFT_PEER_TIMEOUT", "1")]
    [InlineData("RINGRIFT_P2P_STARTUP_GRACE_PERIOD", "-1")]
    [InlineData("RINGRIFT_CONSENSUS_MODE", "paxos")]
    [InlineData("RINGRIFT_EVENT_WEBHOOK", "not a url")]
    [InlineData("RINGRIFT_EVENT_WEBHOOK", "ftp://hooks.example/events")]
    [InlineData("RINGRIFT_EVENT_WEBHOOK", "/events")]
    public void Build_BadEnvironmentValue_NamesTheVariable(string name, string value)
    {
        var error = Assert.Throws<ConfigException>(() => SettingsBuilder.Build(
            HostArguments.Parse(["--node-id", "a"]), Env(("RINGRIFT_CLUSTER_AUTH_TOKEN", TestCluster.Secret), (name, value))));

        Assert.Contains(name, error.Message);
    }

    [Fact]
    public void Build_EventWebhook_IsReadFromTheEnvironment()
    {
        var secret = ("RINGRIFT_CLUSTER_AUTH_TOKEN", TestCluster.Secret);
        var set = SettingsBuilder.Build(HostArguments.Parse(["--node-id", "a"]), Env(secret, ("RINGRIFT_EVENT_WEBHOOK", "http://127.0.0.1:9999/hook")));
        var unset = SettingsBuilder.Build(HostArguments.Parse(["--node-id", "a"]), Env(secret));

        Assert.Equal(new Uri("http://127.0.0.1:9999/hook"), set.EventWebhook);
        Assert.Null(unset.EventWebhook);
    }

    [Fact]
    public void Build_SeedTimingVariables_SetPeerTimeoutAndStartupGrace()
    {
        var settings = SettingsBuilder.Build(HostArguments.Parse(["--node-id", "a"]), Env(
            ("RINGRIFT_CLUSTER_AUTH_TOKEN", TestCluster.Secret), ("RINGRIFT_PEER_TIMEOUT", "200"),
            ("RINGRIFT_P2P_STARTUP_GRACE_PERIOD", "0"), ("RINGRIFT_CONSENSUS_MODE", "raft")));

        Assert.Equal(Duration.FromSeconds(200), settings.Kernel.Membership.DeadTimeout);
        Assert.Equal(Duration.Zero, settings.Kernel.Election.StartupGrace);
    }

    [Fact]
    public void Secret_NeverAppearsInToString()
    {
        var secret = new Adapters.Security.ClusterSecret(TestCluster.Secret);

        Assert.DoesNotContain(TestCluster.Secret, secret.ToString());
    }

    [Fact]
    public void Build_SyncSection_TurnsSyncOnWithItsSettings()
    {
        var settings = BuildWith("sync: { canonical_store: b, status_interval: 2s, replicas_min: 3, push_allowed: false, model_stale_max: 30m }\n");

        var sync = Assert.IsType<Kernel.Sync.SyncConfig>(settings.Kernel.Sync);
        Assert.Equal(new NodeId("b"), sync.CanonicalStore);
        Assert.Equal(Duration.FromSeconds(2), sync.StatusInterval);
        Assert.Equal(3, sync.Policy.ReplicasMin);
        Assert.False(sync.Policy.PushAllowed);
        Assert.Equal(Duration.FromMinutes(30), sync.Policy.ModelStaleMax);
        Assert.Equal(Kernel.Sync.SyncPolicy.Default.PullsPerTargetMax, sync.Policy.PullsPerTargetMax);
    }

    [Fact]
    public void Build_SyncWithOnlyTheCanonicalStore_KeepsTheDefaults()
    {
        var sync = Assert.IsType<Kernel.Sync.SyncConfig>(BuildWith("sync: {canonical_store: a}\n").Kernel.Sync);

        Assert.Equal(new Kernel.Sync.SyncConfig(new NodeId("a"), Kernel.Sync.SyncPolicy.Default), sync);
    }

    [Fact]
    public void Build_NoSyncSection_LeavesSyncOff() => Assert.Null(BuildWith("").Kernel.Sync);

    [Theory]
    [InlineData("sync: { status_interval: 2s }\n", "c.yaml:4: sync needs canonical_store")]
    [InlineData("sync: { canonical_store: z }\n", "c.yaml:4: 'canonical_store' names 'z'")]
    [InlineData("sync: { canonical_store: a, replicas: 3 }\n", "c.yaml:4: unknown key 'replicas'")]
    [InlineData("sync: { canonical_store: a, plan_interval: soon }\n", "c.yaml:4: 'plan_interval' must be a positive duration")]
    [InlineData("sync: { canonical_store: a, replicas_min: 1 }\n", "replicas_min must be within 2..16")]
    [InlineData("sync: { canonical_store: a, order_timeout: 5s }\n", "sync_order_timeout")]
    [InlineData("sync: { canonical_store: a, model_stale_max: 30s }\n", "sync_model_stale_max must be within 1m..24h")]
    public void Build_BadSyncSection_NamesTheKeyAndReason(string section, string expected)
    {
        var error = Assert.Throws<ConfigException>(() => BuildWith(section));

        Assert.Contains(expected, error.Message);
    }

    private const string ScalingSection = """
        scheduling: {}
        scaling:
          profile: vast-rtx4090x2
          managed: [b]
          check_interval: 1m
          scale_up_pending_per_node: 12
          scale_down_pending_per_node: 3
          idle_before_scale_down: 20m
          cooldown: 5m
          nodes_per_cycle_max: 2
          provision_command: [/opt/provider/up, --count, "{count}", --profile, "{profile}", --request, "{effect_id}"]
          terminate_command: /opt/provider/down {node_id}

        """;

    [Fact]
    public void Build_ScalingSection_TurnsTheScalerOnWithItsNumbersAndCommands()
    {
        var settings = BuildWith(ScalingSection);

        var scaling = settings.Kernel.Scaling!;
        Assert.Equal(new[] { new NodeId("b") }, scaling.Managed.AsEnumerable());
        Assert.Equal("vast-rtx4090x2", scaling.Profile);
        Assert.Equal(Duration.FromMinutes(1), scaling.CheckInterval);
        Assert.Equal((12, 3, 2), (scaling.ScaleUpPendingPerNode, scaling.ScaleDownPendingPerNode, scaling.NodesPerCycleMax));
        Assert.Equal((Duration.FromMinutes(20), Duration.FromMinutes(5)), (scaling.IdleBeforeScaleDown, scaling.Cooldown));
        Assert.Equal(new[] { "/opt/provider/up", "--count", "{count}", "--profile", "{profile}", "--request", "{effect_id}" }, settings.Provider!.Provision.AsEnumerable());
        Assert.Equal(new[] { "/opt/provider/down", "{node_id}" }, settings.Provider.Terminate.AsEnumerable());
    }

    [Fact]
    public void Build_ScalingDisabledOrAbsent_LeavesTheScalerAndProviderOff()
    {
        var disabled = BuildWith(ScalingSection.Replace("  profile:", "  enabled: false\n  profile:", StringComparison.Ordinal));

        Assert.Null(disabled.Kernel.Scaling);
        Assert.Null(disabled.Provider);
        Assert.Null(BuildWith("").Kernel.Scaling);
    }

    [Theory]
    [InlineData("scaling: { profile: p, provision_command: up, terminate_command: down }\n", "c.yaml:4: scaling needs a scheduling section")]
    [InlineData("scheduling: {}\nscaling: { provision_command: up, terminate_command: down }\n", "c.yaml:5: scaling.profile is required")]
    [InlineData("scheduling: {}\nscaling: { profile: p, terminate_command: down }\n", "c.yaml:5: scaling.provision_command is required")]
    [InlineData("scheduling: {}\nscaling:\n  profile: p\n  managed: [z]\n", "c.yaml:7: scaling.managed names 'z'")]
    [InlineData("scheduling: {}\nscaling:\n  profile: p\n  cooldwn: 5m\n", "c.yaml:7: unknown key 'cooldwn'")]
    [InlineData("scheduling: {}\nscaling:\n  profile: p\n  cooldown: soon\n", "c.yaml:7: 'cooldown' must be a duration")]
    [InlineData("scheduling: {}\nscaling:\n  profile: p\n  nodes_per_cycle_max: 0\n", "c.yaml:7: 'nodes_per_cycle_max' must be a whole number from 1 to 64")]
    [InlineData("scheduling: {}\nscaling:\n  profile: p\n  scale_up_pending_per_node: 2\n  scale_down_pending_per_node: 2\n",
        "c.yaml:7: scaling.scale_up_pending_per_node (2) must exceed scaling.scale_down_pending_per_node (2)")]
    [InlineData("scheduling: {}\nscaling:\n  profile: p\n  provision_command: up {node_id}\n  terminate_command: down\n",
        "c.yaml:7: scaling.provision_command uses {node_id}; it may use {count}, {profile}, {effect_id}")]
    [InlineData("scheduling: {}\nscaling:\n  profile: p\n  provision_command: up\n  terminate_command: [down, \"{count}\"]\n",
        "c.yaml:8: scaling.terminate_command uses {count}")]
    public void Build_BadScalingSection_NamesTheKeyAndLine(string section, string expected)
    {
        var error = Assert.Throws<ConfigException>(() => BuildWith(section));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Build_MonitoringSection_TurnsMonitoringOnWithItsNumbers()
    {
        var monitoring = BuildWith("monitoring: { sample_interval: 10s, window_samples: 6, stall_after: 40s, disk_used_max: 92.5%, disk_used_clear: 85%, healing: false, heartbeat_delay_max: 45s }\n")
            .Kernel.Monitoring!;

        Assert.Equal(Duration.FromSeconds(10), monitoring.SampleInterval);
        Assert.Equal(6, monitoring.WindowSamples);
        Assert.Equal((new Ratio(9_250), new Ratio(8_500)), (monitoring.DiskUsedMax, monitoring.DiskUsedClear));
        Assert.False(monitoring.HealingEnabled);
        Assert.Equal(Duration.FromSeconds(45), monitoring.HeartbeatDelayMax);
        Assert.Null(BuildWith("").Kernel.Monitoring);
    }

    [Theory]
    [InlineData("monitoring:\n  disk_used_max: 95\n", "c.yaml:5: 'disk_used_max' must be a percentage")]
    [InlineData("monitoring:\n  disk_used_max: 90%\n  disk_used_clear: 92%\n", "c.yaml:6: monitoring.disk_used_clear (92.00%) must be below monitoring.disk_used_max (90.00%)")]
    [InlineData("monitoring:\n  sample_interval: 1m\n  stall_after: 1m\n", "c.yaml:6: monitoring.stall_after")]
    [InlineData("monitoring:\n  heartbeat_delay_clear: 2m\n", "c.yaml:5: monitoring.heartbeat_delay_clear (2m) must be below monitoring.heartbeat_delay_max (90s)")]
    public void Build_BadMonitoringSection_NamesTheKeyAndLine(string section, string expected)
    {
        var error = Assert.Throws<ConfigException>(() => BuildWith(section));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Build_WebhookSecretVariable_SignsWebhookBodies()
    {
        using var dir = new TempDir();
        System.IO.File.WriteAllText(dir.File("c.yaml"), "hosts:\n  a: {}\n");
        var args = HostArguments.Parse(["--node-id", "a", "--config", dir.File("c.yaml")]);

        var signed = SettingsBuilder.Build(args, Env(("RINGRIFT_CLUSTER_AUTH_TOKEN", TestCluster.Secret), (HostEventWebhook.SecretVar, "s3cret")));
        var unsigned = SettingsBuilder.Build(args, Env(("RINGRIFT_CLUSTER_AUTH_TOKEN", TestCluster.Secret)));

        Assert.Equal("s3cret"u8.ToArray(), signed.EventWebhookSecret);
        Assert.Null(unsigned.EventWebhookSecret);
    }

    [Theory]
    [InlineData("{ gpu: RTX 4090, gpu_count: 8, gpu_vram_gb: 24 }", 8, 3)]
    [InlineData("{ gpu: H100, gpu_vram_gb: 80 }", 1, 4)]
    [InlineData("{}", 0, 1)]
    public void GpusOf_HostProfile_PinsJobsToItsGpusAtItsClassesProcessesPerGpu(string profile, int gpus, int processesPerGpu)
    {
        // No job_slots_max: the default (64) holds an eight-GPU host's 24 or 32 dispatch slots.
        var assigner = NodeRuntime.GpusOf(BuildWith("scheduling: {}\n", profile).Kernel);

        Assert.Equal(gpus, assigner.Gpus);
        Assert.Equal(processesPerGpu, assigner.ProcessesPerGpu);
    }

    [Fact]
    public void Build_JobSlotsMaxBelowTheNodesDispatchSlots_IsRefusedNamingBoth()
    {
        var error = Assert.Throws<ConfigException>(() =>
            BuildWith("scheduling: {}\njob_slots_max: 16\n", "{ gpu: H100, gpu_count: 8, gpu_vram_gb: 80 }"));

        Assert.Contains("job_slots_max (16) is below the 32 dispatch slots of a", error.Message);
    }

    /// <summary>Settings for node a of a two-host cluster file (a's fields <paramref name="a"/>) followed by <paramref name="section"/>.</summary>
    private static Host.Config.NodeSettings BuildWith(string section, string a = "{}")
    {
        using var dir = new TempDir();
        System.IO.File.WriteAllText(dir.File("c.yaml"), $"hosts:\n  a: {a}\n  b: {{}}\n" + section);
        return SettingsBuilder.Build(
            HostArguments.Parse(["--node-id", "a", "--config", dir.File("c.yaml")]), Env(("RINGRIFT_CLUSTER_AUTH_TOKEN", TestCluster.Secret)));
    }

    private static Func<string, string?> Env(params (string Name, string Value)[] values)
    {
        var map = new Dictionary<string, string>();
        foreach (var (name, value) in values) map[name] = value;
        return name => map.TryGetValue(name, out var value) ? value : null;
    }
}
