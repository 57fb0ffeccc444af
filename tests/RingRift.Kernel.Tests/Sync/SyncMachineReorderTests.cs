using System.Linq;
using RingRift.Kernel.Sync;
using Xunit;
using static RingRift.Kernel.Tests.Sync.SyncRig;

namespace RingRift.Kernel.Tests.Sync;

/// <summary>
/// Messages from one node overtake each other (a NAT relay's latency varies per message): the leader's
/// copy of the node's manifest must come out the same whatever order its status, deltas and pages arrive in.
/// </summary>
public sealed class SyncMachineReorderTests
{
    /// <summary>
    /// The promotion-during-partition regression: a status overtaken by the next delta looked like another
    /// history (older version, other digest), so the leader emptied its copy and re-planned every file —
    /// models included — into a node that held them.
    /// </summary>
    [Fact]
    public void StatusOvertakenByTheNextDelta_LeaderKeepsItsCopy_AndAsksForNothing()
    {
        var rig = new SyncRig();
        rig[A].OnFiles(rig.Now, Files(Roomy));
        rig[B].OnFiles(rig.Now, Files(Roomy, Game(1)));
        rig.Settle();
        rig.Now += Duration.FromSeconds(10);
        rig[B].OnFiles(rig.Now, Files(Roomy, Game(2)));
        rig[B].Tick(rig.Now, A);
        var withStatus = rig.Hold(B);
        rig.Now += Duration.FromSeconds(1);
        rig[B].OnFiles(rig.Now, Files(Roomy, Game(3)));
        rig[B].Tick(rig.Now, A);
        var nextDelta = rig.Hold(B).Single();

        foreach (var delta in withStatus.Where(m => m.Message is ManifestDeltaMessage)) rig.Deliver(B, delta);
        rig.Deliver(B, nextDelta);
        rig.Deliver(B, withStatus.Single(m => m.Message is SyncStatus));

        var known = rig[A].KnownManifest(B)!;
        Assert.Equal(rig[B].Own.Version, known.Version);
        Assert.Equal(rig[B].Own.Digest, known.Digest);
        Assert.DoesNotContain(rig.Hold(A), m => m.Message is ManifestRequest);
    }

    /// <summary>A node that restarted reports an older version of another history: the leader starts over and asks.</summary>
    [Fact]
    public void StatusOfAnotherHistory_LeaderDropsItsCopy_AndAsks()
    {
        var rig = new SyncRig();
        rig[A].OnFiles(rig.Now, Files(Roomy));
        rig[B].OnFiles(rig.Now, Files(Roomy, Game(1)));
        rig[B].OnFiles(rig.Now, Files(Roomy, Game(2)));
        rig.Settle();
        rig[B].OnFiles(rig.Now, Files(Roomy, Game(3)));
        rig.Settle();
        Assert.Equal(2, rig[A].KnownManifest(B)!.Version);
        var restarted = new SyncStatus(1, ManifestDigest.Empty.Add(new ManifestEntry("games/other.db", FileKind.GameDb, "square8_2p", new ByteSize(5), new ContentHash(1, 2))),
            ByteSize.FromGigabytes(1000), new ByteSize(Roomy), 0);
        rig.Now += Duration.FromSeconds(60);

        rig.Deliver(B, new Outbound(A, restarted));

        Assert.Equal(0, rig[A].KnownManifest(B)!.Version);
        Assert.Contains(rig.Hold(A), m => m.Message is ManifestRequest { KnownVersion: 0 });
    }

    /// <summary>Deltas that continue the whole manifest being paged in arrive before its last page: they apply after it.</summary>
    [Fact]
    public void DeltaAfterTheVersionBeingPaged_ArrivesFirst_AppliesOnceThePagesAreIn()
    {
        var rig = new SyncRig(new SyncConfig(A, SyncPolicy.Default) { DeltaLogMax = 1 });
        rig[A].OnFiles(rig.Now, Files(Roomy));
        rig.WriteUnsent(B, 5);
        rig.Now += Duration.FromSeconds(10);
        rig[B].Tick(rig.Now, A);
        rig.Deliver(B, rig.Hold(B).Single(m => m.Message is SyncStatus));
        rig.Deliver(A, rig.Hold(A).Single(m => m.Message is ManifestRequest));
        var pages = rig.Hold(B);
        Assert.All(pages, m => Assert.IsType<ManifestPageMessage>(m.Message));
        rig[B].OnFiles(rig.Now, Files(Roomy, Game(5)));
        rig[B].Tick(rig.Now, A);

        foreach (var delta in rig.Hold(B)) rig.Deliver(B, delta);
        foreach (var page in pages) rig.Deliver(B, page);

        var known = rig[A].KnownManifest(B)!;
        Assert.Equal(6, known.Version);
        Assert.Equal(rig[B].Own.Digest, known.Digest);
    }
}
