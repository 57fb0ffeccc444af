using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging.Abstractions;
using RingRift.Host.Driver;
using RingRift.Host.Tests.Support;
using RingRift.Kernel;
using RingRift.Kernel.Election;
using RingRift.Kernel.Node;
using Xunit;

namespace RingRift.Host.Tests;

/// <summary>Cluster events forwarded to a webhook: a real node's election arrives as JSON; a dead webhook never holds anything up.</summary>
public sealed class EventWebhookTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task SingleNodeStart_PostsLeaderElectedToTheWebhook()
    {
        using var receiver = new WebhookReceiver();
        await using var cluster = new TestCluster(1);
        var app = NodeApplication.Build(cluster.Settings(0) with { EventWebhook = receiver.Uri }, static _ => { });
        await app.StartAsync();
        try
        {
            Assert.True(await Poll.Until(() => receiver.Bodies.Any(b => b.GetProperty("event").GetString() == "LEADER_ELECTED"), Bound));
            var elected = receiver.Bodies.First(b => b.GetProperty("event").GetString() == "LEADER_ELECTED");
            Assert.Equal("node-a", elected.GetProperty("node_id").GetString());
            Assert.False(string.IsNullOrEmpty(elected.GetProperty("notice").GetString()));
            Assert.False(string.IsNullOrEmpty(elected.GetProperty("detail").GetString()));
            Assert.True(elected.GetProperty("at_unix_ms").GetInt64() > 1_600_000_000_000);

            var runtime = (NodeRuntime)app.Services.GetService(typeof(NodeRuntime))!;
            Assert.True(await Poll.Until(() => runtime.Events.Forwarder!.Sent >= 1, Bound));
            var metrics = await cluster.Client.GetStringAsync(new Uri(cluster.Base(0), "metrics"));
            Assert.Matches(@"ringrift_events_sent_total [1-9]", metrics);
            Assert.Contains("ringrift_events_dropped_total 0", metrics);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task SecretSet_EachBodyCarriesTheHmacSha256OfItsExactBytes_NoSecretNoHeader()
    {
        using var receiver = new WebhookReceiver();
        var secret = "webhook-secret-42"u8.ToArray();
        await using (var signed = new EventForwarder(receiver.Uri, NullLogger.Instance, secret: secret))
        {
            signed.Post(Body(1));
            signed.Post(Body(2));
            Assert.True(await Poll.Until(() => signed.Sent == 2, Bound));
        }
        await using (var unsigned = new EventForwarder(receiver.Uri, NullLogger.Instance))
        {
            unsigned.Post(Body(3));
            Assert.True(await Poll.Until(() => unsigned.Sent == 1, Bound));
        }

        var received = receiver.Raw.ToArray();
        Assert.Equal(3, received.Length);
        foreach (var (body, signature) in received[..2])
        {
            using var hmac = new System.Security.Cryptography.HMACSHA256(secret);
            Assert.Equal("sha256=" + Convert.ToHexString(hmac.ComputeHash(body)).ToLowerInvariant(), signature);
            Assert.NotEqual("sha256=" + Convert.ToHexString(System.Security.Cryptography.HMACSHA256.HashData("other"u8.ToArray(), body)).ToLowerInvariant(), signature);
        }
        Assert.NotEqual(received[0].Signature, received[1].Signature);
        Assert.Null(received[2].Signature);
    }

    [Fact]
    public async Task UnansweringWebhook_PostNeverWaits_OldestDropped_DisposeBounded()
    {
        // A listener that never accepts: connections complete in the kernel's backlog and no answer ever comes.
        var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        try
        {
            var target = new Uri($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/");
            var forwarder = new EventForwarder(target, NullLogger.Instance, queueMax: 4, timeout: TimeSpan.FromMinutes(5));

            await Task.Run(() => { for (var i = 0; i < 100; i++) forwarder.Post(Body(i)); }).WaitAsync(Bound);

            Assert.True(forwarder.Dropped >= 100 - 4 - 2, $"dropped {forwarder.Dropped}");
            await forwarder.DisposeAsync().AsTask().WaitAsync(Bound);
            Assert.Equal(0, forwarder.Sent);
        }
        finally
        {
            silent.Stop();
        }
    }

    [Fact]
    public async Task RefusedWebhook_FailuresCounted_NothingThrown()
    {
        var target = new Uri($"http://127.0.0.1:{FreePorts.Take(1)[0]}/");
        var forwarder = new EventForwarder(target, NullLogger.Instance, timeout: TimeSpan.FromSeconds(5));

        for (var i = 0; i < 3; i++) forwarder.Post(Body(i));

        Assert.True(await Poll.Until(() => forwarder.Failed == 3, Bound));
        Assert.Equal(0, forwarder.Sent);
        await forwarder.DisposeAsync().AsTask().WaitAsync(Bound);
    }

    [Fact]
    public void Publish_LogsClusterEventsWithNamedProperties_AndSkipsOtherNotices()
    {
        var logger = new RecordingLogger();
        var publisher = new ClusterEventPublisher(new NodeId("node-a"), logger, forwarder: null);

        publisher.Publish(new StateDurable(7));
        publisher.Publish(new LeaderElected(3, new Instant(1_000_000)));

        var entry = Assert.Single(logger.Entries);
        Assert.Equal("LEADER_ELECTED", entry["Event"]);
        Assert.Equal("node-a", entry["Node"]);
        Assert.Equal(new LeaderElected(3, new Instant(1_000_000)).Name, entry["Notice"]);
        Assert.Equal(new LeaderElected(3, new Instant(1_000_000)).Describe(), entry["Detail"]);
    }

    private static ClusterEventBody Body(int i) => new("HOST_ONLINE", "node-a", "member_state_changed", "n" + i, i);
}
