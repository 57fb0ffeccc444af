using System.Collections.Immutable;

namespace RingRift.Kernel.Tests.Support;

/// <summary>Drains an <see cref="Outbox"/> that a test drives directly, without a kernel around it.</summary>
internal static class OutboxTaps
{
    private static readonly NodeStatus NoStatus = new(new NodeId("-"), 0, NodeRole.Follower, null, 0, 0, 0, 0, ImmutableArray<MemberView>.Empty);

    public static Ready DrainAll(this Outbox outbox) => outbox.Drain(null, NoStatus);
}
