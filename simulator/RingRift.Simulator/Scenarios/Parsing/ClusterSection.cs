using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using RingRift.Kernel;

namespace RingRift.Simulator.Scenarios.Parsing;

/// <summary>
/// The <c>cluster</c> block, shaped like the original's <c>distributed_hosts.yaml</c>: named
/// <c>hosts</c>, <c>generate</c>d families of similar hosts, and the <c>p2p_voters</c>.
/// Produces the running hosts sorted by node id and the directory that resolves references.
/// </summary>
internal static class ClusterSection
{
    public const int GenerateCountMax = 1_000;

    private static readonly ImmutableArray<string> ClusterKeys = ["p2p_voters", "hosts", "generate"];
    private static readonly ImmutableArray<string> GenerateKeys = ["prefix", "count", .. HostSection.Keys];

    public static (ImmutableArray<HostSpec> Hosts, NodeDirectory Nodes) Read(YamlValue value)
    {
        var cluster = value.Map("cluster", ClusterKeys);
        var hosts = new Dictionary<string, ParsedHost>();
        if (cluster.Optional("hosts") is { } named) ReadNamed(named, hosts);
        if (cluster.Optional("generate") is { } generate) ReadGenerated(generate, hosts);
        var voters = cluster.Optional("p2p_voters") is { } list ? ReadVoters(list, hosts) : [];
        var running = hosts.Values
            .Where(h => !h.Offline)
            .Select(h => voters.Contains(h.Spec.Node.Value) ? h.Spec with { Profile = h.Spec.Profile with { IsVoter = true } } : h.Spec)
            .OrderBy(h => h.Node)
            .ToImmutableArray();
        if (running.IsEmpty) throw cluster.Error("the cluster needs at least one host that is not offline");
        var directory = new NodeDirectory(
            running.ToImmutableSortedDictionary(h => h.Node.Value, h => h.Profile, System.StringComparer.Ordinal),
            hosts.Values.Where(h => h.Offline).Select(h => h.Spec.Node.Value).ToImmutableHashSet());
        return (running, directory);
    }

    private static void ReadNamed(YamlValue named, Dictionary<string, ParsedHost> hosts)
    {
        var map = named.OpenMap("hosts");
        foreach (var (key, id, value) in map.Entries)
        {
            RequireValidId(key, id);
            var host = value.Map($"host '{id}'", HostSection.Keys);
            hosts.Add(id, HostSection.Read(host, id));
        }
    }

    private static void ReadGenerated(YamlValue generate, Dictionary<string, ParsedHost> hosts)
    {
        foreach (var item in generate.Items())
        {
            var family = item.Map("a generate entry", GenerateKeys);
            var prefixValue = family.Required("prefix");
            var prefix = prefixValue.Text();
            var count = family.Required("count").Int(1, GenerateCountMax);
            for (var i = 1; i <= count; i++)
            {
                var id = prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                RequireValidId(prefixValue, id);
                if (hosts.TryGetValue(id, out var first))
                    throw family.Error($"duplicate host '{id}' (first defined at line {first.Line})");
                hosts.Add(id, HostSection.Read(family, id));
            }
        }
    }

    private static ImmutableHashSet<string> ReadVoters(YamlValue list, Dictionary<string, ParsedHost> hosts)
    {
        var voters = ImmutableHashSet.CreateBuilder<string>();
        foreach (var item in list.Items())
        {
            var id = item.Scalar("a node id");
            if (!hosts.TryGetValue(id, out var host))
                throw item.Error($"p2p_voters names '{id}', which is not a host{Spelling.Hint(id, hosts.Keys)}");
            if (host.Offline) throw item.Error($"voter '{id}' is offline; a voter must be simulated");
            if (!voters.Add(id)) throw item.Error($"p2p_voters names '{id}' twice");
        }
        return voters.ToImmutable();
    }

    /// <summary>Node ids travel on the wire and name files; letters, digits, '-', '_' and '.' keep them safe.</summary>
    private static void RequireValidId(YamlValue at, string id)
    {
        var valid = id.Length is > 0 and <= 128 && char.IsAsciiLetterOrDigit(id[0])
            && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
        if (!valid)
            throw at.Error($"host id '{id}' must be 1 to 128 letters, digits, '-', '_' or '.', starting with a letter or digit");
        if (id == LeaderReference.Name)
            throw at.Error($"host id '{id}' is reserved: in a timeline it names the current leader");
    }
}
