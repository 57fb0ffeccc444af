namespace RingRift.Kernel;

/// <summary>
/// The election's durable slice. <see cref="MaxEpoch"/>: the highest epoch this node has proposed or
/// seen, so a restarted node never proposes an epoch twice. <see cref="GrantedEpoch"/> and
/// <see cref="Grantee"/>: the last lease this node granted as a voter, so that after a restart it
/// honours that grant for a whole lease before granting anyone else.
/// </summary>
public sealed record ElectionDurable(long MaxEpoch, long GrantedEpoch, NodeId? Grantee)
{
    public static readonly ElectionDurable Empty = new(0, 0, null);
}
