using System.Collections.Immutable;
using RingRift.Kernel.Election;
using RingRift.Kernel.Gossip;

namespace RingRift.Kernel.Node;

/// <summary>
/// Which leader a worker reports to. The election's view when it has one; otherwise (a NAT-blocked node,
/// which no leader announcement reaches) the candidate that gossip says leads itself at the highest epoch.
/// Recomputed only when the gossip table changed; ties go to the lower node id.
/// </summary>
internal sealed class LeaderHint(ImmutableArray<CandidateRank> candidates)
{
    private int _tableVersion = -1;
    private NodeId? _gossipLeader;
    private long _gossipEpoch;

    public (NodeId? Leader, long Epoch) Resolve(ElectionMachine election, GossipTable table)
    {
        if (election.LeaderId is { } leader) return (leader, election.LeaderEpoch);
        if (table.Version != _tableVersion)
        {
            _tableVersion = table.Version;
            _gossipLeader = null;
            _gossipEpoch = 0;
            foreach (var candidate in candidates)
            {
                if (!table.TryGet(candidate.Node, out var entry) || entry.Summary.Leader != candidate.Node) continue;
                if (entry.Summary.LeaderEpoch > _gossipEpoch)
                {
                    _gossipEpoch = entry.Summary.LeaderEpoch;
                    _gossipLeader = candidate.Node;
                }
            }
        }
        return _gossipEpoch >= election.LeaderEpoch ? (_gossipLeader, _gossipEpoch) : (null, election.LeaderEpoch);
    }
}
