using Microsoft.Extensions.Logging;
using RingRift.Kernel;
using RingRift.Kernel.Node;

namespace RingRift.Host.Driver;

public sealed partial class NodeDriver
{
    /// <summary>Drains the kernel's Ready and hands each part on; every handler only queues.</summary>
    private void Flush(Instant now)
    {
        var ready = _kernel!.TakeReady();
        _status = ready.Status;
        foreach (var outbound in ready.Messages) Send(outbound);
        foreach (var effect in ready.Effects) Perform(effect);
        foreach (var reply in ready.Replies)
            if (_pending.Remove(reply.RequestId, out var waiting)) waiting.TrySetResult(reply);
        foreach (var notice in ready.Notices) Observe(notice);
        _timer.Arm(ready.NextDeadline, now);
    }

    private void Send(in Outbound outbound)
    {
        // A node's message to itself (a voter answering its own candidacy) goes straight back into the inbox.
        if (outbound.To == Self)
        {
            TryPost(new Deliver(Self, outbound.Message, outbound.IsResponse));
            return;
        }
        _writer.Reset();
        MessageCodec.Encode(outbound.Message, _writer);
        _effects!.Send(outbound.To, _writer.Written.ToArray(), outbound.IsResponse);
    }

    private void Perform(Effect effect)
    {
        _metrics.OnEffect(effect.Name);
        switch (effect)
        {
            case Persist persist: _effects!.Persist(persist); break;
            case Launch launch: _effects!.Launch(launch); break;
            case Terminate terminate: _effects!.Terminate(terminate); break;
            case ExtendJobLeases extend: _effects!.ExtendJobLeases(extend); break;
            case StartTransfer start: _effects!.StartTransfer(start); break;
            case CancelTransfer cancel: _effects!.CancelTransfer(cancel); break;
            case DeleteFile delete: _effects!.DeleteFile(delete); break;
            case ProvisionNodes or DecommissionNode when Provider is not null: Provider.TryPerform(effect); break;
            default: _logger.LogError("no handler for effect {Effect} {Id}", effect.Name, effect.Id); break;
        }
    }

    private void Observe(Notice notice)
    {
        _metrics.OnNotice(notice.Name);
        // A cluster event is logged once, as the event (it carries the notice's name and detail).
        if (Events?.Publish(notice) is true) return;
        // Routine notices, and a sync plan that moved nothing (the leader plans every interval), log at Debug.
        var level = notice.Name is "state_durable" or "gossip_entry_updated" or "gossip_entry_expired" or "lease_extended" or "lease_granted"
            || notice is RingRift.Kernel.Sync.SyncPlanned { Transfers: 0 }
            ? LogLevel.Debug
            : LogLevel.Information;
        if (_logger.IsEnabled(level)) _logger.Log(level, "{Notice} {Detail}", notice.Name, notice.Describe());
    }
}
