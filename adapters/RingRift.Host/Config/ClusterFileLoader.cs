using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using RingRift.Adapters.Process;
using RingRift.Kernel;
using RingRift.Kernel.Gossip;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RingRift.Host.Config;

/// <summary>
/// Reads a cluster file: the original's <c>distributed_hosts.yaml</c> (top-level <c>hosts</c> and
/// <c>p2p_voters</c>) or a scenario file (the same under <c>cluster</c>), plus the host's own optional
/// sections <c>membership</c>, <c>election</c>, <c>jobs</c>, <c>job_slots_max</c>, <c>scheduling</c>
/// (its presence turns dispatch on) and <c>sync</c> (turns data sync on; in a scenario file, whose
/// <c>sync</c> block describes the simulated world, it is ignored), <c>monitoring</c> (turns predictive
/// monitoring on) and <c>scaling</c> (the auto-scaler and its provider commands; ignored in a scenario
/// file, whose block describes the simulated provider). Other top-level keys (a scenario's
/// timeline) are ignored; unknown keys inside the sections read here are errors. Every error names file:line.
/// </summary>
public static class ClusterFileLoader
{
    private static readonly string[] ClusterKeys = ["p2p_voters", "hosts", "generate", "preferred_leader"];

    public static ClusterFile Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"{path}: cannot read the cluster file: {e.Message}");
        }
        return Parse(text, path);
    }

    public static ClusterFile Parse(string text, string file)
    {
        var root = LoadRoot(text, file);
        ConfigNode? cluster = root;
        ConfigNode? membership = null, election = null, jobs = null, slots = null, legacyMode = null, scheduling = null, sync = null,
            monitoring = null, scaling = null;
        foreach (var (key, value) in root.Entries())
        {
            switch (key)
            {
                case "cluster": cluster = value; break;
                case "membership": membership = value; break;
                case "membership_mode": legacyMode = value; break;
                case "election": election = value; break;
                case "jobs": jobs = value; break;
                case "job_slots_max": slots = value; break;
                case "scheduling": scheduling = value; break;
                case "sync": sync = value; break;
                case "monitoring": monitoring = value; break;
                case "scaling": scaling = value; break;
            }
        }
        var isScenario = !ReferenceEquals(cluster, root);
        var (hosts, voters) = ReadCluster(cluster, !isScenario);
        var (mode, timing) = SectionReaders.Membership(membership, legacyMode);
        var scaler = scaling is null || isScenario ? null : ScalingSection.Read(scaling, hosts, scheduling is not null);
        return new ClusterFile(
            hosts, voters, mode, timing,
            election is null ? null : SectionReaders.Election(election),
            jobs is null ? JobCommandTemplates.None : SectionReaders.Jobs(jobs),
            slots?.Int(0, 10_000))
        {
            Scheduling = scheduling is null ? null : SectionReaders.Scheduling(scheduling),
            Sync = sync is null || isScenario ? null : SyncSection.Read(sync, hosts),
            Monitoring = monitoring is null ? null : MonitoringSection.Read(monitoring),
            Scaling = scaler?.Config,
            Provider = scaler?.Commands,
        };
    }

    private static ConfigNode LoadRoot(string text, string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw ConfigException.At(file, (int)Math.Max(1, e.Start.Line), "YAML syntax error: " + e.Message);
        }
        catch (InvalidOperationException)
        {
            throw new ConfigException($"{file}: YAML syntax error: a '[' or '{{' is not closed");
        }
        if (stream.Documents.Count != 1) throw new ConfigException($"{file}: a cluster file is exactly one YAML document");
        return new ConfigNode(stream.Documents[0].RootNode, "the cluster file", file);
    }

    private static (ImmutableArray<HostEntry>, ImmutableArray<NodeId>) ReadCluster(ConfigNode cluster, bool isRoot)
    {
        var hosts = new SortedDictionary<string, (HostEntry Entry, bool Offline)>(StringComparer.Ordinal);
        ConfigNode? voterList = null;
        foreach (var (key, value) in cluster.Entries(isRoot ? null : ClusterKeys))
        {
            switch (key)
            {
                case "hosts": HostReader.ReadNamed(value, hosts); break;
                case "generate": HostReader.ReadGenerated(value, hosts); break;
                case "p2p_voters": voterList = value; break;
            }
        }
        if (hosts.Count == 0) throw cluster.Error("the cluster file lists no hosts");
        var voters = ReadVoters(voterList, hosts);
        var running = ImmutableArray.CreateBuilder<HostEntry>();
        foreach (var (id, host) in hosts)
        {
            if (host.Offline) continue;
            var isVoter = voters.Contains(new NodeId(id));
            running.Add(host.Entry with { Profile = host.Entry.Profile with { IsVoter = isVoter } });
        }
        return (running.ToImmutable(), voters);
    }

    private static ImmutableArray<NodeId> ReadVoters(ConfigNode? list, SortedDictionary<string, (HostEntry Entry, bool Offline)> hosts)
    {
        if (list is null) return [];
        var voters = ImmutableArray.CreateBuilder<NodeId>();
        foreach (var item in list.Items())
        {
            var id = item.Text();
            if (!hosts.TryGetValue(id, out var host)) throw item.Error($"p2p_voters names '{id}', which is not a host");
            if (host.Offline) continue;
            if (voters.Contains(new NodeId(id))) throw item.Error($"p2p_voters names '{id}' twice");
            voters.Add(new NodeId(id));
        }
        return voters.ToImmutable();
    }
}
