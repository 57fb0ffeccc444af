using System.Collections.Generic;

namespace RingRift.Kernel.Node;

/// <summary>
/// Owns this node's <see cref="PersistentState"/>: issues a <see cref="Persist"/> for each new version,
/// tells the outbox when a version is durable (releasing held messages), and re-issues a failed
/// write after a delay. A persist completing implies every earlier version is durable too, because
/// each carries the whole state and stores never go backwards.
/// </summary>
internal sealed class DurableStateKeeper : IDurableStore
{
    private readonly Outbox _outbox;
    private readonly Duration _retryDelay;
    private readonly Dictionary<EffectId, long> _inFlight = new();

    public DurableStateKeeper(PersistentState restored, Outbox outbox, Duration retryDelay)
    {
        _outbox = outbox;
        _retryDelay = retryDelay;
        State = restored with { Version = restored.Version + 1, BootCount = restored.BootCount + 1 };
    }

    public PersistentState State { get; private set; }

    public Instant? RetryAt { get; private set; }

    public PersistentState Current => State;

    /// <summary>Takes <paramref name="next"/> as the new state under the next version and persists it now.</summary>
    public void Save(PersistentState next)
    {
        State = next with { Version = State.Version + 1 };
        PersistNow();
    }

    public void PersistNow()
    {
        var persist = new Persist(_outbox.NextEffectId(), State);
        _outbox.Issue(persist);
        _inFlight.Add(persist.Id, State.Version);
    }

    public void Tick(Instant now)
    {
        if (RetryAt is not { } at || now < at) return;
        RetryAt = null;
        State = State with { Version = State.Version + 1 };
        PersistNow();
    }

    /// <summary>True when the completion was a persist of this keeper's.</summary>
    public bool OnCompleted(Instant now, EffectId effect, EffectOutcome outcome)
    {
        if (!_inFlight.Remove(effect, out var version)) return false;
        switch (outcome)
        {
            case Persisted:
                if (version > _outbox.DurableVersion) _outbox.Notify(new StateDurable(version));
                _outbox.MarkDurable(version);
                break;
            case PersistFailed failed:
                _outbox.Notify(new PersistRetrying(version, failed.Reason));
                if (_inFlight.Count == 0 && version > _outbox.DurableVersion) RetryAt = now + _retryDelay;
                break;
        }
        return true;
    }
}
