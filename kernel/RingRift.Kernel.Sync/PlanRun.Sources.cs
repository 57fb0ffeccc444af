namespace RingRift.Kernel.Sync;

internal sealed partial class PlanRun
{
    /// <summary>
    /// Fills the candidate buffer with up to <paramref name="wanted"/> usable sources of
    /// <paramref name="file"/> for <paramref name="target"/>, best first, and returns how many.
    /// Usable: alive, holding the file, reachable (the target dials it, or failing that it dials the
    /// target when pushes are allowed), with a free serving slot and a free link. Best: same provider
    /// as the target, then pulls before pushes, then less loaded, then fewer transfers already
    /// serving, then node id. <paramref name="anyRoute"/> says whether any live holder was reachable at
    /// all, slots aside: without one the want is stranded, not merely waiting.
    /// </summary>
    private int RankSources(int file, int target, int wanted, out bool anyRoute)
    {
        anyRoute = false;
        var found = 0;
        for (var link = _index.FirstHolder(file); link >= 0; link = _index.NextHolder(link))
        {
            var source = _index.HolderNode(link);
            if (source == target || !_snapshot.Nodes[source].Alive) continue;
            var pull = _snapshot.CanDial(target, source);
            var push = !pull && _policy.PushAllowed && _snapshot.CanDial(source, target);
            if (!pull && !push) continue;
            anyRoute = true;
            if (Ledger.OutgoingFree(source) == 0 || !Ledger.LinkFree(source, target)) continue;
            found = Insert(RankKey(source, target, push), source, found, wanted);
        }
        return found;
    }

    /// <summary>Smaller is better; the node index last makes every key distinct, so ties break by node id.</summary>
    private long RankKey(int source, int target, bool push)
    {
        var otherProvider = _provider[source] == _provider[target] ? 0L : 1L;
        var load = System.Math.Clamp(_snapshot.Nodes[source].Load.BasisPoints, 0, Ratio.BasisPointsPerOne);
        var serving = System.Math.Min(Ledger.Outgoing(source), 2047);
        return (otherProvider << 62) | ((push ? 1L : 0L) << 61) | ((long)load << 40) | ((long)serving << 24) | (uint)source;
    }

    /// <summary>Insertion into the sorted candidate buffer, keeping the best <paramref name="wanted"/>.</summary>
    private int Insert(long key, int source, int found, int wanted)
    {
        if (found == wanted && key >= _candidateKeys[found - 1]) return found;
        var at = found == wanted ? found - 1 : found;
        while (at > 0 && _candidateKeys[at - 1] > key)
        {
            _candidateKeys[at] = _candidateKeys[at - 1];
            _candidates[at] = _candidates[at - 1];
            at--;
        }
        _candidateKeys[at] = key;
        _candidates[at] = source;
        return found == wanted ? found : found + 1;
    }
}
