using System.Collections.Immutable;
using System.Linq;
using RingRift.Kernel;

namespace RingRift.Simulator.Scenarios.Parsing;

/// <summary>Operator commands: launch and terminate a job.</summary>
internal static class JobVerbs
{
    private static readonly ImmutableArray<string> JobKeys = ["id", "kind", "config", "gpus", "runtime"];

    private static readonly WordTable<JobKind> Kinds =
        new(("selfplay", JobKind.Selfplay), ("training", JobKind.Training), ("gauntlet", JobKind.Gauntlet));

    private static readonly WordTable<bool> DispatchStates = new(("halted", true), ("running", false));

    public static readonly ImmutableArray<TimelineVerb> All =
    [
        new("launch", ["job"], ReadLaunch),
        new("terminate", ["job"], c => new TerminateCommand(c.At, c.Line, c.Node(), new JobId(c.Entry.Required("job").Text()))),
        new("dispatch", [], c => new DispatchCommand(c.At, c.Line, c.Entry.Required("dispatch").Word(DispatchStates))),
    ];


    /// <summary><c>gpus</c> defaults to 1 on a GPU node and 0 on a CPU-only one; it is not checked against
    /// the node's GPUs, because refusing an oversized job is the kernel's business and worth testing.</summary>
    private static TimelineEntry ReadLaunch(VerbContext c)
    {
        var node = c.Node();
        var job = c.Entry.Required("job").Map("a launched job", JobKeys);
        var id = job.Required("id").Text();
        if (id.Length == 0) throw job.Required("id").Error("a job id must not be empty");
        var configValue = job.Required("config");
        var config = configValue.Scalar("a game configuration such as square8_2p");
        if (!BoardConfigs.Names.Contains(config))
            throw configValue.Error($"unknown config '{config}'{Spelling.Hint(config, BoardConfigs.Names)}; configs: {string.Join(", ", BoardConfigs.Names)}");
        var gpus = job.Optional("gpus")?.Int(0, 64) ?? (c.Nodes.Profile(node).HasGpu ? 1 : 0);
        var spec = new JobSpec(new JobId(id), job.Required("kind").Word(Kinds), config, gpus);
        return new LaunchCommand(c.At, c.Line, node, spec, job.Required("runtime").PositiveDuration());
    }
}
