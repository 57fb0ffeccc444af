namespace RingRift.Kernel;

/// <summary>A node's part in leadership: following, campaigning for a lease, or leading under one.</summary>
public enum NodeRole : byte
{
    Follower = 0,
    Candidate = 1,
    Leader = 2,
}
