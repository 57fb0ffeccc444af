using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using RingRift.Adapters.Http;
using RingRift.Adapters.Sync;
using RingRift.Host.Tests.Support;
using RingRift.Kernel;
using Xunit;

namespace RingRift.Host.Tests;

/// <summary>
/// The transfer executor against a source that accepts connections and never answers: the stall bound
/// ends the transfer, and a cancel ends it at once; each effect completes exactly once.
/// </summary>
public sealed class TransferExecutorTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    private readonly TempDir _dir = new();
    private readonly TcpListener _silent = new(IPAddress.Loopback, 0);
    private readonly ConcurrentQueue<EffectCompleted> _completions = new();

    public TransferExecutorTests() => _silent.Start();

    public void Dispose()
    {
        _silent.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task Pull_SourceSendsNothing_FailsStalledWithinTheBound()
    {
        using var executor = Executor(TimeSpan.FromSeconds(1));

        var outcome = await executor.ExecuteAsync(Spec(), CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(TransferFailure.Stalled, Assert.IsType<TransferFailed>(outcome).Failure);
    }

    [Fact]
    public async Task Cancel_RunningTransfer_CompletesBothEffectsOnce()
    {
        using var executor = Executor(TimeSpan.FromMinutes(5));
        executor.Start(new StartTransfer(new EffectId(1), Spec()));

        executor.Cancel(new CancelTransfer(new EffectId(2), new EffectId(1)));

        Assert.True(await Poll.Until(() => _completions.Count == 2, Bound), "both effects did not complete");
        var byId = new System.Collections.Generic.Dictionary<long, EffectOutcome>();
        foreach (var completed in _completions) byId.Add(completed.EffectId.Value, completed.Outcome);
        Assert.Equal(TransferFailure.Cancelled, Assert.IsType<TransferFailed>(byId[1]).Failure);
        Assert.IsType<TransferCancelled>(byId[2]);
        Assert.Equal(0, executor.RunningCount);
    }

    [Fact]
    public async Task Cancel_UnknownTransfer_StillCompletes()
    {
        using var executor = Executor(TimeSpan.FromSeconds(5));

        executor.Cancel(new CancelTransfer(new EffectId(7), new EffectId(99)));

        Assert.True(await Poll.Until(() => _completions.Count == 1, Bound));
        Assert.IsType<TransferCancelled>(Assert.Single(_completions).Outcome);
    }

    [Fact]
    public async Task Execute_RangeOutsideTheFile_FailsWithoutConnecting()
    {
        using var executor = Executor(TimeSpan.FromSeconds(5));

        var outcome = await executor.ExecuteAsync(Spec() with { OffsetBytes = 900, LengthBytes = 200 }, CancellationToken.None);

        Assert.IsType<TransferFailed>(outcome);
    }

    private TransferExecutor Executor(TimeSpan stall)
    {
        var paths = new DataPaths(_dir.Path);
        var index = new FileIndex(paths);
        var peers = new PeerDirectory();
        peers.Set(new NodeId("silent"), new Uri($"http://127.0.0.1:{((IPEndPoint)_silent.LocalEndpoint).Port}/"));
        return new TransferExecutor(new NodeId("me"), index, new PartialFiles(paths, index), peers, new RequestSigner("me", Signing.Authenticator), _completions.Enqueue)
        {
            StallTimeout = stall,
        };
    }

    private static TransferSpec Spec() =>
        new(new NodeId("silent"), new NodeId("me"), "games/slow.db", new ContentHash(1, 2), 1000, 0, 1000);
}
