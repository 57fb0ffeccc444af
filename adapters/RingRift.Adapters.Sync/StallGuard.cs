using System;
using System.Threading;

namespace RingRift.Adapters.Sync;

/// <summary>
/// A cancellation token that fires when the caller cancels, or when no progress was reported for the
/// stall bound. Each <see cref="Progress"/> (bytes moved) re-arms the bound.
/// </summary>
internal sealed class StallGuard : IDisposable
{
    private readonly CancellationToken _outer;
    private readonly CancellationTokenSource _source;
    private readonly TimeSpan _stall;

    public StallGuard(CancellationToken outer, TimeSpan stall)
    {
        _outer = outer;
        _stall = stall;
        _source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _source.CancelAfter(stall);
    }

    public CancellationToken Token => _source.Token;

    /// <summary>True when the token fired because nothing moved for the stall bound, not because the caller cancelled.</summary>
    public bool Stalled => _source.IsCancellationRequested && !_outer.IsCancellationRequested;

    public void Progress()
    {
        if (!_source.IsCancellationRequested) _source.CancelAfter(_stall);
    }

    public void Dispose() => _source.Dispose();
}
