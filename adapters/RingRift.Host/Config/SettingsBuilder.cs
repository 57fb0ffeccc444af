using System;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using RingRift.Adapters.Http;
using RingRift.Adapters.Process;
using RingRift.Adapters.Security;
using RingRift.Kernel;
using RingRift.Kernel.Gossip;
using RingRift.Kernel.Node;

namespace RingRift.Host.Config;

/// <summary>
/// Combines the command line, the cluster file and the seed's environment variables into validated
/// <see cref="NodeSettings"/>. Precedence: flag, then environment variable, then file, then default.
/// Without <c>--config</c> the cluster is this node and its <c>--peers</c>, every one a voter.
/// </summary>
public static class SettingsBuilder
{
    public const string PortVar = "RINGRIFT_P2P_PORT";
    public const string HeartbeatVar = "RINGRIFT_HEARTBEAT_INTERVAL";
    public const string LeaseVar = "RINGRIFT_P2P_LEADER_LEASE_SECONDS";
    public const string ModeVar = "RINGRIFT_MEMBERSHIP_MODE";
    public const string DataDirVar = "RINGRIFT_P2P_STATE_DIR";
    public const string PeerTimeoutVar = "RINGRIFT_PEER_TIMEOUT";
    public const string StartupGraceVar = "RINGRIFT_P2P_STARTUP_GRACE_PERIOD";
    public const string ConsensusVar = "RINGRIFT_CONSENSUS_MODE";

    /// <summary>
    /// The seed's consensus modes. Every one runs the kernel's lease election with a voter quorum (it
    /// has no other): the names are accepted so that existing deployments start, and nothing else is.
    /// </summary>
    private static readonly string[] ConsensusModes = ["bully", "raft", "hybrid", "lease"];

    public static NodeSettings Build(HostArguments args, Func<string, string?> environment)
    {
        var file = args.ConfigPath is null ? null : ClusterFileLoader.Load(args.ConfigPath);
        var hosts = Hosts(args, file);
        if (!hosts.Any(h => h.Profile.Node == args.NodeId))
            throw new ConfigException($"--node-id: '{args.NodeId}' is not a host in {args.ConfigPath}");
        var kernel = Kernel(args, file, hosts, environment);
        var secret = LoadSecret(args, environment);
        return new NodeSettings(
            kernel,
            args.Bind ?? IPAddress.Any,
            args.Port ?? EnvPort(environment) ?? hosts.First(h => h.Profile.Node == args.NodeId).Address?.Port ?? HttpEndpoints.DefaultPort,
            Path.GetFullPath(args.DataDir ?? environment(DataDirVar) ?? "data"),
            Addresses(args, hosts),
            file?.Jobs ?? JobCommandTemplates.None,
            secret)
        {
            UdpPort = args.UdpPort ?? hosts.First(h => h.Profile.Node == args.NodeId).UdpPort,
            PeerUdp = UdpPeers(args, hosts),
            EventWebhook = HostEventWebhook.FromEnv(environment),
            EventWebhookSecret = HostEventWebhook.SecretFromEnv(environment),
            Provider = file?.Provider,
            ResourceSamplePeriod = HostMonitoring.ResourceSamplePeriod(kernel.Monitoring),
        };
    }

    /// <summary>The peers whose entry names a UDP port, at the IP of their HTTP address (resolved once, at startup).</summary>
    private static ImmutableDictionary<NodeId, IPEndPoint> UdpPeers(HostArguments args, ImmutableArray<HostEntry> hosts)
    {
        var peers = ImmutableDictionary.CreateBuilder<NodeId, IPEndPoint>();
        foreach (var host in hosts)
        {
            if (host.Profile.Node == args.NodeId || host.UdpPort is not { } port || host.Address is not { } address) continue;
            var ip = IPAddress.TryParse(address.Host.Trim('[', ']'), out var parsed) ? parsed : Resolve(address.Host);
            if (ip is not null) peers[host.Profile.Node] = new IPEndPoint(ip, port);
        }
        return peers.ToImmutable();
    }

    private static IPAddress? Resolve(string host)
    {
        try
        {
            var addresses = Dns.GetHostAddresses(host);
            return addresses.Length > 0 ? addresses[0] : null;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return null;
        }
    }

    private static ImmutableArray<HostEntry> Hosts(HostArguments args, ClusterFile? file)
    {
        if (file is not null)
        {
            foreach (var (peer, _) in args.Peers)
                if (!file.Hosts.Any(h => h.Profile.Node == peer))
                    throw new ConfigException($"--peers: '{peer}' is not a host in {args.ConfigPath}");
            return file.Hosts;
        }
        var hosts = ImmutableArray.CreateBuilder<HostEntry>();
        hosts.Add(new HostEntry(DefaultProfile(args.NodeId), null));
        foreach (var (peer, address) in args.Peers)
            if (peer != args.NodeId) hosts.Add(new HostEntry(DefaultProfile(peer), address));
        hosts.Sort((a, b) => a.Profile.Node.CompareTo(b.Profile.Node));
        return hosts.ToImmutable();
    }

    private static NodeProfile DefaultProfile(NodeId node) =>
        new(node, "local", GpuProfile.None, MemoryGb: 1, Cpus: 1, DiskGb: 1, IsVoter: true, NatBlocked: false, ProxyOnly: false);

    private static KernelConfig Kernel(HostArguments args, ClusterFile? file, ImmutableArray<HostEntry> hosts, Func<string, string?> env)
    {
        var cluster = hosts.Select(h => h.Profile).ToImmutableArray();
        CheckConsensusMode(env);
        var membership = file?.Membership ?? MembershipConfig.Default;
        if (EnvSeconds(env, HeartbeatVar) is { } heartbeat) membership = membership with { HeartbeatInterval = heartbeat };
        if (EnvSeconds(env, PeerTimeoutVar) is { } peerTimeout) membership = membership with { DeadTimeout = peerTimeout };
        var election = KernelConfig.DefaultElection(cluster);
        if (file?.Election is { } timings) election = timings.ApplyTo(election);
        if (EnvSeconds(env, LeaseVar) is { } lease) election = election with { Lease = lease };
        if (EnvSeconds(env, StartupGraceVar, allowZero: true) is { } grace) election = election with { StartupGrace = grace };
        var seed = args.Seed ?? BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
        var config = new KernelConfig(cluster.First(p => p.Node == args.NodeId), cluster, membership, seed, JobSlotsMax: file?.JobSlotsMax ?? RingRift.Kernel.Scheduling.Jobs.SchedulingConfig.JobsPerMessageMax)
        {
            Election = election,
            MembershipMode = EnvMode(env) ?? file?.Mode ?? MembershipMode.Heartbeat,
            Scheduling = file?.Scheduling,
            Sync = file?.Sync,
            Monitoring = file?.Monitoring ?? HostMonitoring.FromEnv(env),
            Scaling = file?.Scaling,
        };
        var errors = config.Validate();
        if (errors.Count > 0) throw new ConfigException("invalid configuration: " + string.Join("; ", errors) + FromEnvironment(env));
        return config;
    }

    /// <summary>The timing variables that were set, so a relationship they broke is traced to them.</summary>
    private static string FromEnvironment(Func<string, string?> env)
    {
        var set = new System.Collections.Generic.List<string>();
        foreach (var name in (string[])[HeartbeatVar, PeerTimeoutVar, LeaseVar, StartupGraceVar])
            if (env(name) is { Length: > 0 } value) set.Add(name + "=" + value);
        return set.Count == 0 ? "" : " (from the environment: " + string.Join(", ", set) + ")";
    }

    private static void CheckConsensusMode(Func<string, string?> env)
    {
        if (env(ConsensusVar) is not { Length: > 0 } mode || Array.IndexOf(ConsensusModes, mode) >= 0) return;
        throw new ConfigException($"{ConsensusVar}: '{mode}' must be one of {string.Join(", ", ConsensusModes)}");
    }

    private static ImmutableDictionary<NodeId, Uri> Addresses(HostArguments args, ImmutableArray<HostEntry> hosts)
    {
        var addresses = ImmutableDictionary.CreateBuilder<NodeId, Uri>();
        foreach (var host in hosts)
            if (host.Address is { } address && host.Profile.Node != args.NodeId) addresses[host.Profile.Node] = address;
        foreach (var (peer, address) in args.Peers)
            if (peer != args.NodeId) addresses[peer] = address;
        return addresses.ToImmutable();
    }

    private static ClusterSecret LoadSecret(HostArguments args, Func<string, string?> env)
    {
        try
        {
            return ClusterSecret.Load(args.SecretFile, env)
                ?? throw new ConfigException(
                    $"no cluster secret: pass --secret-file, or set {ClusterSecret.FileEnvVar} or {ClusterSecret.EnvVar}");
        }
        catch (ArgumentException e)
        {
            throw new ConfigException("cluster secret: " + e.Message);
        }
    }

    private static int? EnvPort(Func<string, string?> env) =>
        env(PortVar) is { Length: > 0 } text ? HostArguments.ParsePort(PortVar, text) : null;

    private static Duration? EnvSeconds(Func<string, string?> env, string name, bool allowZero = false)
    {
        if (env(name) is not { Length: > 0 } text) return null;
        var min = allowZero ? 0 : 1;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds >= min && seconds <= 86_400
            ? Duration.FromSeconds(seconds)
            : throw new ConfigException($"{name}: '{text}' must be a whole number of seconds from {min} to 86400");
    }

    private static MembershipMode? EnvMode(Func<string, string?> env) => env(ModeVar) switch
    {
        null or "" => null,
        "http" or "heartbeat" => MembershipMode.Heartbeat,
        "swim" => MembershipMode.Swim,
        "hybrid" => MembershipMode.Hybrid,
        var other => throw new ConfigException($"{ModeVar}: '{other}' must be http, heartbeat, swim or hybrid"),
    };
}
