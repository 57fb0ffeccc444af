using RingRift.Kernel;
using RingRift.Kernel.Scheduling.Jobs;
using RingRift.Simulator.Engine;

namespace RingRift.Simulator.Checking;

/// <summary>
/// The operator's alarm for the original's worst failure: the leader's book (the one at the highest
/// epoch) holds pending work while nothing is assigned or running, for longer than two minutes. Fed by
/// the leader's status notices; judged on every notice and send, so it fires within moments of the bound.
/// It fires only while that leader hears a worker with a healthy GPU (<see cref="DispatchMachine.UsableWorkersWhileStalled"/>):
/// a leader cut off from every worker, or a cluster whose GPUs are all down, is an outage of capacity
/// that membership and the fence handle, not the dispatch path failing to use capacity it has; the two
/// minutes run from the last moment it heard none.
/// </summary>
internal sealed class IdleWithPendingChecker : Checker
{
    private static readonly long Bound = Duration.FromMinutes(2).Micros;
    private long _epoch;
    private long? _stalledSince;
    private SimNode? _leader;

    public override string Name => CheckCatalog.IdleWithPending;

    internal override void OnSend(long now, SimNode node, Message message) => Judge(now);

    internal override void OnNotice(long now, SimNode node, Notice notice)
    {
        if (notice is DispatchStatus status && status.Epoch >= _epoch)
        {
            _epoch = status.Epoch;
            _leader = node;
            var stalled = status.Pending > 0 && status.Assigned + status.Running == 0;
            _stalledSince = stalled ? _stalledSince ?? now : null;
        }
        Judge(now);
    }

    private void Judge(long now)
    {
        if (_stalledSince is null) return;
        // The bound runs from the last moment the leader heard no usable worker.
        if (!LeaderHearsAUsableWorker()) _stalledSince = now;
        else if (now - _stalledSince.Value > Bound)
        {
            var since = _stalledSince.Value;
            Fail(now, $"pending work with nothing assigned or running since {TimeText.Of(since)} (epoch {_epoch})");
            _stalledSince = null;
        }
    }

    private bool LeaderHearsAUsableWorker() =>
        _leader?.Kernel?.Dispatch is { } dispatch && dispatch.Epoch == _epoch && dispatch.UsableWorkersWhileStalled > 0;
}
