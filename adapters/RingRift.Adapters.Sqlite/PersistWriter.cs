using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using RingRift.Kernel;

namespace RingRift.Adapters.Sqlite;

/// <summary>
/// Applies the kernel's <see cref="Persist"/> effects off the driver loop, one writer task, in id
/// order. Persists that queue up while a write is in progress are coalesced: only the highest version
/// is written, and every one of them completes with it, because each carries the whole state and a
/// later durable version makes the earlier ones durable too. A full queue or a failed write completes
/// with <see cref="PersistFailed"/>, which the kernel retries.
/// </summary>
public sealed class PersistWriter : IAsyncDisposable
{
    private readonly SqliteStateStore _store;
    private readonly Action<EffectCompleted> _complete;
    private readonly Channel<Persist> _queue;
    private readonly Task _worker;
    private long _written;

    public PersistWriter(SqliteStateStore store, Action<EffectCompleted> complete, int queueMax = 1024)
    {
        _store = store;
        _complete = complete;
        _queue = Channel.CreateBounded<Persist>(new BoundedChannelOptions(queueMax) { SingleReader = true });
        _worker = Task.Run(RunAsync);
    }

    /// <summary>Number of database transactions committed so far.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Queues a persist without blocking; a full queue fails it at once.</summary>
    public void Enqueue(Persist persist)
    {
        if (!_queue.Writer.TryWrite(persist))
            _complete(new EffectCompleted(persist.Id, new PersistFailed("persist queue full")));
    }

    /// <summary>Writes everything queued, then stops accepting.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _worker.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var batch = new List<Persist>();
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (_queue.Reader.TryRead(out var persist)) batch.Add(persist);
            if (batch.Count > 0) WriteBatch(batch);
        }
    }

    private void WriteBatch(List<Persist> batch)
    {
        var latest = batch[0].State;
        foreach (var persist in batch)
            if (persist.State.Version > latest.Version) latest = persist.State;
        EffectOutcome outcome;
        try
        {
            _store.SaveKernelState(latest);
            Interlocked.Increment(ref _written);
            outcome = Persisted.Instance;
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or System.IO.IOException or ObjectDisposedException)
        {
            outcome = new PersistFailed(e.Message);
        }
        foreach (var persist in batch) _complete(new EffectCompleted(persist.Id, outcome));
    }
}
