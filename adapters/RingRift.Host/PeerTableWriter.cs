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
/// Every period (15 s, the original's save cycle), off the driver loop, writes the membership view
/// of the latest status snapshot to the <c>peers</c> table, when it changed.
/// </summary>
internal sealed class PeerTableWriter(
    SqliteStateStore store, Func<NodeStatus> status, ImmutableDictionary<NodeId, Uri> addresses, TimeSpan period, ILogger logger)
    : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private NodeStatus? _written;

    public void Start() => _loop = Task.Run(RunAsync);

    /// <summary>Writes the current view now if it changed since the last write.</summary>
    public void WriteIfChanged()
    {
        var current = status();
        if (ReferenceEquals(current, _written)) return;
        var peers = new List<PeerRecord>(current.Members.Length);
        foreach (var member in current.Members)
        {
            addresses.TryGetValue(member.Peer, out var address);
            peers.Add(new PeerRecord(member.Peer.Value, address?.Host, address?.Port, member.State.ToString().ToLowerInvariant(), member.Incarnation));
        }
        try
        {
            store.SavePeers(peers);
            _written = current;
        }
        catch (Exception e) when (e is SqliteException or ObjectDisposedException)
        {
            logger.LogWarning("peer table write failed: {Error}", e.Message);
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
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false)) WriteIfChanged();
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }
}
