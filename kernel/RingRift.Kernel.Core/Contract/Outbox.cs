using System.Collections.Generic;

namespace RingRift.Kernel;

/// <summary>
/// Collects what machines produce during a step, for <c>KernelNode.TakeReady</c>. Owns the rule
/// that a message depending on durable state waits for its persist: <see cref="SendWhenDurable"/>
/// holds the message until the latest requested <see cref="PersistentState.Version"/> is durable.
/// Single-threaded, owned by one kernel.
/// </summary>
public sealed class Outbox(int heldMessagesMax)
{
    private readonly List<Outbound> _messages = new();
    private readonly List<Effect> _effects = new();
    private readonly List<Reply> _replies = new();
    private readonly List<Notice> _notices = new();
    private readonly Queue<(long RequiredVersion, Outbound Message)> _held = new();
    private long _durableVersion;
    private long _requestedVersion;
    private long _nextEffectId = 1;
    private Ready? _lastEmpty;

    public int HeldCount => _held.Count;
    public long DurableVersion => _durableVersion;

    /// <summary>True when every requested version is durable, so <see cref="SendWhenDurable"/> would send at once.</summary>
    public bool AllDurable => _requestedVersion <= _durableVersion;

    /// <summary>Sends now; for messages that promise nothing durable.</summary>
    public void Send(Outbound message) => _messages.Add(message);

    /// <summary>Sends once everything persisted so far is durable (votes, grants, acknowledgements, incarnations).</summary>
    public void SendWhenDurable(Outbound message)
    {
        if (_requestedVersion <= _durableVersion)
        {
            _messages.Add(message);
            return;
        }
        Invariant.True(_held.Count < heldMessagesMax);
        _held.Enqueue((_requestedVersion, message));
    }

    public void Notify(Notice notice) => _notices.Add(notice);

    public void Answer(Reply reply) => _replies.Add(reply);

    public EffectId NextEffectId() => new(_nextEffectId++);

    public void Issue(Effect effect)
    {
        Invariant.True(effect.Id.Value < _nextEffectId);
        if (effect is Persist persist)
        {
            Invariant.True(persist.State.Version > _requestedVersion);
            _requestedVersion = persist.State.Version;
        }
        _effects.Add(effect);
    }

    /// <summary>Records that <paramref name="version"/> is durable and releases the messages that waited for it.</summary>
    public void MarkDurable(long version)
    {
        if (version <= _durableVersion) return;
        _durableVersion = version;
        while (_held.Count > 0 && _held.Peek().RequiredVersion <= version)
            _messages.Add(_held.Dequeue().Message);
    }

    /// <summary>
    /// Hands the collected parts to <c>TakeReady</c> and starts empty. Most steps produce nothing, so
    /// an empty Ready with the same deadline and status as the last one is reused, not reallocated.
    /// </summary>
    public Ready Drain(Instant? nextDeadline, NodeStatus status)
    {
        var empty = _messages.Count + _effects.Count + _replies.Count + _notices.Count == 0;
        if (empty && _lastEmpty is { } last && last.NextDeadline == nextDeadline && ReferenceEquals(last.Status, status))
            return last;
        var ready = new Ready(
            Ready.Drain(_messages), Ready.Drain(_effects), Ready.Drain(_replies), Ready.Drain(_notices),
            nextDeadline, status);
        _lastEmpty = empty ? ready : null;
        return ready;
    }
}
