using System;
using System.Collections.Generic;

namespace RingRift.Kernel;

/// <summary>
/// What the steps since the last <c>TakeReady</c> produced. Hosts handle the parts in any order:
/// <see cref="Messages"/> are safe to send now (durability-dependent ones were held back until
/// their persist completed); every <see cref="Effects"/> entry gets exactly one completion;
/// <see cref="NextDeadline"/> is when to send the next <see cref="Wake"/> (null: none needed).
/// </summary>
public sealed class Ready(
    IReadOnlyList<Outbound> messages,
    IReadOnlyList<Effect> effects,
    IReadOnlyList<Reply> replies,
    IReadOnlyList<Notice> notices,
    Instant? nextDeadline,
    NodeStatus status)
{
    public IReadOnlyList<Outbound> Messages { get; } = messages;
    public IReadOnlyList<Effect> Effects { get; } = effects;
    public IReadOnlyList<Reply> Replies { get; } = replies;
    public IReadOnlyList<Notice> Notices { get; } = notices;
    public Instant? NextDeadline { get; } = nextDeadline;
    public NodeStatus Status { get; } = status;

    public bool HasWork => Messages.Count + Effects.Count + Replies.Count + Notices.Count > 0;

    internal static IReadOnlyList<T> Drain<T>(List<T> source)
    {
        if (source.Count == 0) return Array.Empty<T>();
        var copy = source.ToArray();
        source.Clear();
        return copy;
    }
}
