using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using RingRift.Kernel;
using RingRift.Kernel.Node;

namespace RingRift.Host.Driver;

/// <summary>
/// The driver loop (DESIGN.md §4): one channel of <see cref="HostEvent"/>s, read by one task that owns
/// the <see cref="KernelNode"/>. For each event it reads the monotonic clock, steps the kernel, and
/// hands the Ready to <see cref="IEffectHandlers"/> (which only queue), replies to waiting callers,
/// notices to logs and metrics, and the next deadline to the one timer. Nothing slow runs here.
/// An invariant violation in the kernel is fail-stop: the loop ends and <c>onFatal</c> is called.
/// </summary>
public sealed partial class NodeDriver : IAsyncDisposable
{
    public const int InboxMax = 16_384;
    private const int BatchMax = 64;

    private readonly KernelConfig _config;
    private readonly MonotonicClock _clock;
    private readonly HostMetrics _metrics;
    private readonly ILogger _logger;
    private readonly Action _onFatal;
    private readonly Channel<HostEvent> _inbox;
    private readonly DeadlineTimer _timer;
    private readonly Dictionary<RequestId, TaskCompletionSource<Reply>> _pending = new();
    private readonly WireWriter _writer = new(1024);
    private IEffectHandlers? _effects;
    private KernelNode? _kernel;
    private Task? _loop;
    private long _nextRequest;
    private int _wakePending;
    private volatile NodeStatus _status;
    private volatile bool _faulted;

    public NodeDriver(KernelConfig config, MonotonicClock clock, HostMetrics metrics, ILogger logger, Action onFatal)
    {
        _config = config;
        _clock = clock;
        _metrics = metrics;
        _logger = logger;
        _onFatal = onFatal;
        _inbox = Channel.CreateBounded<HostEvent>(new BoundedChannelOptions(InboxMax) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _timer = new DeadlineTimer(PostWake);
        _status = new NodeStatus(config.Self.Node, 0, NodeRole.Follower, null, 0, 0, 0, 0, []);
    }

    public NodeId Self => _config.Self.Node;

    /// <summary>The status the last step published.</summary>
    public NodeStatus Status => _status;

    public bool IsRunning => _loop is { IsCompleted: false } && !_faulted;

    public bool Faulted => _faulted;

    public int InboxCount => _inbox.Reader.Count;

    /// <summary>Builds the kernel from <paramref name="restored"/> and starts the loop.</summary>
    public void Start(PersistentState restored, IEffectHandlers effects)
    {
        _effects = effects;
        _kernel = new KernelNode(_config, restored, _clock.Now);
        Flush(_clock.Now);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Posts an effect's completion; it is never dropped (waits for room when the inbox is full).</summary>
    public void Complete(EffectCompleted completed)
    {
        if (!_inbox.Writer.TryWrite(new InputEvent(completed))) _ = _inbox.Writer.WriteAsync(new InputEvent(completed)).AsTask();
    }

    /// <summary>Posts an input that may be lost (a message, a sample); false when the inbox is full.</summary>
    public bool TryPost(KernelInput input)
    {
        if (_inbox.Writer.TryWrite(new InputEvent(input))) return true;
        _metrics.OnInboxDropped();
        return false;
    }

    /// <summary>Submits a command; the reply comes from the loop. A full inbox refuses at once.</summary>
    public Task<Reply> SubmitAsync(Command command, CancellationToken cancellation)
    {
        var reply = new TaskCompletionSource<Reply>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_inbox.Writer.TryWrite(new SubmitEvent(command, reply)))
            return Task.FromResult(new Reply(new RequestId(0), false, "the node's inbox is full"));
        return reply.Task.WaitAsync(cancellation);
    }

    /// <summary>Stops reading: events already queued are handled first.</summary>
    public async ValueTask DisposeAsync()
    {
        _inbox.Writer.TryComplete();
        if (_loop is not null) await _loop.ConfigureAwait(false);
        _timer.Dispose();
        foreach (var waiting in _pending.Values) waiting.TrySetResult(new Reply(new RequestId(0), false, "the node stopped"));
    }

    private void PostWake()
    {
        if (Interlocked.Exchange(ref _wakePending, 1) == 1) return;
        if (!_inbox.Writer.TryWrite(WakeEvent.Instance)) Interlocked.Exchange(ref _wakePending, 0);
    }

    private async Task RunAsync()
    {
        var reader = _inbox.Reader;
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                var handled = 0;
                while (handled < BatchMax && reader.TryRead(out var item))
                {
                    Handle(item);
                    handled++;
                }
                Flush(_clock.Now);
            }
        }
        catch (InvariantViolationException e)
        {
            _faulted = true;
            _logger.LogCritical(e, "kernel invariant violated; stopping the node (fail-stop)");
            _onFatal();
        }
    }

    private void Handle(HostEvent item)
    {
        var started = Stopwatch.GetTimestamp();
        var now = _clock.Now;
        switch (item)
        {
            case InputEvent input:
                _kernel!.Step(now, input.Input);
                break;
            case SubmitEvent submit:
                var id = new RequestId(++_nextRequest);
                _pending[id] = submit.Reply;
                _kernel!.Step(now, new Submit(id, submit.Command));
                break;
            case WakeEvent:
                Interlocked.Exchange(ref _wakePending, 0);
                _timer.Fired();
                _kernel!.Step(now, Wake.Instance);
                break;
        }
        _metrics.OnStep(Stopwatch.GetElapsedTime(started).Ticks / TimeSpan.TicksPerMicrosecond);
    }
}
