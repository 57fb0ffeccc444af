using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RingRift.Simulator.Network;
using Xunit;

namespace RingRift.Simulator.Tests.Network;

public sealed class LinkTableTests
{
    [Fact]
    public void IsBlocked_NewTable_NothingIsBlocked()
    {
        var links = new LinkTable(3);

        for (var a = 0; a < 3; a++)
            for (var b = 0; b < 3; b++)
                Assert.False(links.IsBlocked(a, b));
        Assert.Equal(0, links.BlockedCount);
    }

    [Fact]
    public void Block_OneDirection_LeavesTheReverseOpen()
    {
        var links = new LinkTable(3);

        links.Block(0, 2);

        Assert.True(links.IsBlocked(0, 2));
        Assert.False(links.IsBlocked(2, 0));
        Assert.Equal(1, links.BlockedCount);
    }

    [Fact]
    public void Block_Twice_CountsOnce()
    {
        var links = new LinkTable(3);

        links.Block(1, 2);
        links.Block(1, 2);

        Assert.Equal(1, links.BlockedCount);
    }

    [Fact]
    public void Unblock_LinkCutTwice_StaysCutUntilUnblockedTwice()
    {
        var links = new LinkTable(3);
        links.Block(0, 1);
        links.Block(0, 1);

        links.Unblock(0, 1);
        Assert.True(links.IsBlocked(0, 1));
        Assert.Equal(1, links.BlockedCount);

        links.Unblock(0, 1);
        Assert.False(links.IsBlocked(0, 1));
        Assert.Equal(0, links.BlockedCount);
    }

    [Fact]
    public void Block_SelfLink_IsIgnored()
    {
        var links = new LinkTable(3);

        links.Block(1, 1);

        Assert.False(links.IsBlocked(1, 1));
        Assert.Equal(0, links.BlockedCount);
    }

    [Fact]
    public void Unblock_OpenLink_DoesNotCount()
    {
        var links = new LinkTable(3);
        links.Block(0, 1);

        links.Unblock(1, 0);
        links.Unblock(2, 2);

        Assert.Equal(1, links.BlockedCount);
        Assert.True(links.IsBlocked(0, 1));
    }

    /// <summary>
    /// After any sequence of blocks, unblocks and clears, the table agrees with a count of cuts per directed
    /// pair: a link is blocked while it has more blocks than unblocks since the last clear.
    /// </summary>
    [Property]
    public Property BlockUnblockClear_AgreeWithACountOfCutsPerDirectedLink() =>
        Prop.ForAll(Arb.From(Operations()), operations =>
        {
            const int nodes = 5;
            var links = new LinkTable(nodes);
            var model = new Dictionary<(int, int), int>();
            foreach (var (kind, from, to) in operations)
            {
                switch (kind)
                {
                    case 0:
                        links.Block(from, to);
                        if (from != to) model[(from, to)] = model.GetValueOrDefault((from, to)) + 1;
                        break;
                    case 1:
                        links.Unblock(from, to);
                        if (model.GetValueOrDefault((from, to)) > 0) model[(from, to)]--;
                        break;
                    default:
                        links.Clear();
                        model.Clear();
                        break;
                }
            }
            for (var a = 0; a < nodes; a++)
                for (var b = 0; b < nodes; b++)
                    if (links.IsBlocked(a, b) != model.GetValueOrDefault((a, b)) > 0) return false;
            return links.BlockedCount == model.Values.Count(cuts => cuts > 0);
        });

    /// <summary>Clearing leaves nothing blocked, whatever was blocked before.</summary>
    [Property]
    public Property Clear_UnblocksEveryLink() =>
        Prop.ForAll(Arb.From(Operations()), operations =>
        {
            var links = new LinkTable(5);
            foreach (var (_, from, to) in operations) links.Block(from, to);

            links.Clear();

            for (var a = 0; a < 5; a++)
                for (var b = 0; b < 5; b++)
                    if (links.IsBlocked(a, b)) return false;
            return links.BlockedCount == 0;
        });

    private static Gen<List<(int Kind, int From, int To)>> Operations() =>
        Gen.ListOf(
            from kind in Gen.Frequency((6, Gen.Constant(0)), (3, Gen.Constant(1)), (1, Gen.Constant(2)))
            from a in Gen.Choose(0, 4)
            from b in Gen.Choose(0, 4)
            select (kind, a, b));
}
