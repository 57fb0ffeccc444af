using RingRift.Kernel;
using RingRift.Kernel.Scheduling.Jobs;
using RingRift.Simulator.Engine;

namespace RingRift.Simulator.Checking;

/// <summary>
/// The operator's alarm for the original's worst failure: the leader's book (the one at the highest
/// epoch) holds pending work while nothing is assigned or running, for longer than two minutes. Fed by
/// the leader's status notices; judged on every notice and send, so it fires within moments of the bound.
/// </summary>
internal sealed class IdleWithPendingChecker : Checker
{
    private static readonly long Bound = Duration.FromMinutes(2).Micros;
    private long _epoch;
    private long? _stalledSince;

    public override string Name => CheckCatalog.IdleWithPending;

    internal override void OnSend(long now, SimNode node, Message message) => Judge(now);

    internal override void OnNotice(long now, SimNode node, Notice notice)
    {
        if (notice is DispatchStatus status && status.Epoch >= _epoch)
        {
            _epoch = status.Epoch;
            var stalled = status.Pending > 0 && status.Assigned + status.Running == 0;
            _stalledSince = stalled ? _stalledSince ?? now : null;
        }
        Judge(now);
    }

    private void Judge(long now)
    {
        if (_stalledSince is { } since && now - since > Bound)
        {
            Fail(now, $"pending work with nothing assigned or running since {TimeText.Of(since)} (epoch {_epoch})");
            _stalledSince = null;
        }
    }
}
