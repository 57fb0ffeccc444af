using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using RingRift.Adapters.Http;
using RingRift.Kernel;

namespace RingRift.Host;

/// <summary>The HTTP adapter's view of a <see cref="NodeRuntime"/>: reads of its snapshot, and posts into its loop.</summary>
internal sealed class NodeGateway(NodeRuntime node) : INodeGateway
{
    public NodeId Self => node.Driver.Self;
    public NodeStatus Status => node.Driver.Status;
    public TimeSpan Uptime => node.Uptime;
    public bool AcceptingWork => node.AcceptingWork;
    public IReadOnlyList<ComponentHealth> Components => node.Components();

    public bool TryDeliver(NodeId from, Message message, bool isResponse) =>
        node.Driver.TryPost(new Deliver(from, message, isResponse));

    public Task<Reply> SubmitAsync(Command command, CancellationToken cancellation) =>
        node.AcceptingWork
            ? node.Driver.SubmitAsync(command, cancellation)
            : Task.FromResult(new Reply(new RequestId(0), false, "the node is shutting down"));

    public void WriteMetrics(StringBuilder text)
    {
        var status = Status;
        var inv = CultureInfo.InvariantCulture;
        text.Append("# TYPE ringrift_is_leader gauge\n").Append(inv, $"ringrift_is_leader {(status.Role == NodeRole.Leader ? 1 : 0)}\n")
            .Append("# TYPE ringrift_epoch gauge\n").Append(inv, $"ringrift_epoch {status.Epoch}\n")
            .Append("# TYPE ringrift_incarnation gauge\n").Append(inv, $"ringrift_incarnation {status.Incarnation}\n")
            .Append("# TYPE ringrift_alive_peers gauge\n").Append(inv, $"ringrift_alive_peers {status.AlivePeers}\n")
            .Append("# TYPE ringrift_total_peers gauge\n").Append(inv, $"ringrift_total_peers {status.TotalPeers}\n")
            .Append("# TYPE ringrift_running_jobs gauge\n").Append(inv, $"ringrift_running_jobs {status.RunningJobs}\n")
            .Append("# TYPE ringrift_owned_processes gauge\n").Append(inv, $"ringrift_owned_processes {node.RunningProcesses}\n")
            .Append("# TYPE ringrift_uptime_seconds gauge\n").Append(inv, $"ringrift_uptime_seconds {(long)Uptime.TotalSeconds}\n");
        if (node.SelfplayGamesWritten is { } games)
            text.Append("# TYPE ringrift_selfplay_games_written gauge\n").Append(inv, $"ringrift_selfplay_games_written {games}\n");
        WriteGpus(text, node.Gpus);
        node.Metrics.Write(text);
        node.Events.Write(text);
        node.UdpCounters.Write(text);
    }

    private static void WriteGpus(StringBuilder text, Resources.GpuReport report)
    {
        var inv = CultureInfo.InvariantCulture;
        text.Append("# TYPE ringrift_gpu_utilization_percent gauge\n");
        for (var i = 0; i < report.Gpus.Count; i++) text.Append(inv, $"ringrift_gpu_utilization_percent{{gpu=\"{i}\",name=\"{LabelValue(report.Gpus[i].Name)}\"}} {report.Gpus[i].UtilizationPercent}\n");
        text.Append("# TYPE ringrift_gpu_memory_used_mib gauge\n");
        for (var i = 0; i < report.Gpus.Count; i++) text.Append(inv, $"ringrift_gpu_memory_used_mib{{gpu=\"{i}\"}} {report.Gpus[i].MemoryUsedMib}\n");
        text.Append("# TYPE ringrift_gpu_memory_total_mib gauge\n");
        for (var i = 0; i < report.Gpus.Count; i++) text.Append(inv, $"ringrift_gpu_memory_total_mib{{gpu=\"{i}\"}} {report.Gpus[i].MemoryTotalMib}\n");
        text.Append(inv, $"# TYPE ringrift_gpu_smi_malformed_lines gauge\nringrift_gpu_smi_malformed_lines {report.MalformedLines}\n");
    }

    private static string LabelValue(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
