using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using RingRift.Adapters.Sqlite;
using RingRift.Kernel;

namespace RingRift.Host;

/// <summary>
/// Every period (15 s, the original's save cycle), off the driver loop, writes the tables operators and
/// tools read: the membership view of the latest status snapshot to <c>peers</c> (when it changed), one
/// observation of each peer to <c>peer_cache</c>, and the node's headline figures to <c>metrics_history</c>.
/// </summary>
internal sealed class OperatorTablesWriter(
    SqliteStateStore store, Func<NodeStatus> status, ImmutableDictionary<NodeId, Uri> addresses, TimeSpan period, ILogger logger)
    : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private NodeStatus? _written;

    public void Start() => _loop = Task.Run(RunAsync);

    /// <summary>Writes the current view to <c>peers</c> now if it changed since the last write.</summary>
    public void WriteIfChanged()
    {
        var current = status();
        if (ReferenceEquals(current, _written)) return;
        Guarded(() => store.SavePeers(Peers(current)));
        _written = current;
    }

    /// <summary>One period's writes: the peer table if it changed, the peer cache and the metrics history.</summary>
    public void WritePeriod()
    {
        WriteIfChanged();
        var current = status();
        Guarded(() => store.ObservePeers(Peers(current)));
        Guarded(() => store.RecordMetrics(
        [
            ("alive_peers", current.AlivePeers), ("running_jobs", current.RunningJobs),
            ("is_leader", current.Role == NodeRole.Leader ? 1 : 0), ("epoch", current.Epoch),
        ]));
    }

    private List<PeerRecord> Peers(NodeStatus current)
    {
        var peers = new List<PeerRecord>(current.Members.Length);
        foreach (var member in current.Members)
        {
            addresses.TryGetValue(member.Peer, out var address);
            peers.Add(new PeerRecord(member.Peer.Value, address?.Host, address?.Port, member.State.ToString().ToLowerInvariant(), member.Incarnation));
        }
        return peers;
    }

    private void Guarded(Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is SqliteException or ObjectDisposedException)
        {
            logger.LogWarning("operator table write failed: {Error}", e.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null) await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(period);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false)) WritePeriod();
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }
}
