using System;
using System.Threading.Tasks;
using Xunit;

namespace RingRift.Host.Tests.Support;

/// <summary>One running node, shared by the tests of a class, that has become leader of its one-node cluster.</summary>
public sealed class SingleNodeFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new(1, "jobs:\n  selfplay: [\"sh\", \"-c\", \"echo started {job_id} >&2; sleep 30\"]\n");

    public Uri Base => Cluster.Base(0);

    public async Task InitializeAsync()
    {
        await Cluster.StartAsync(0);
        var leading = await Poll.Until(async () =>
            await Cluster.StatusAsync(0) is { } status && status.GetProperty("role").GetString() == "LEADER", TimeSpan.FromSeconds(15));
        if (!leading) throw new InvalidOperationException("the single node never became leader");
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
