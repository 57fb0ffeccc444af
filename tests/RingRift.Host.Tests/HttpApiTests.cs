using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using RingRift.Adapters.Http;
using RingRift.Host.Tests.Support;
using Xunit;

namespace RingRift.Host.Tests;

/// <summary>The HTTP API of one real node: the seed's /status shape, authentication, and refusals as JSON 4xx.</summary>
public sealed class HttpApiTests(SingleNodeFixture node) : IClassFixture<SingleNodeFixture>
{
    private HttpClient Client => node.Cluster.Client;

    [Fact]
    public async Task Status_OfLeader_HasTheSeedShape()
    {
        var status = (await node.Cluster.StatusAsync(0))!.Value;

        Assert.Equal("node-a", status.GetProperty("node_id").GetString());
        Assert.Equal("LEADER", status.GetProperty("role").GetString());
        Assert.Equal("node-a", status.GetProperty("leader_id").GetString());
        Assert.Equal(0, status.GetProperty("alive_peers").GetInt32());
        Assert.Equal(0, status.GetProperty("total_peers").GetInt32());
        Assert.True(status.GetProperty("uptime_seconds").GetInt64() >= 0);
        Assert.True(status.GetProperty("epoch").GetInt64() >= 1);
        Assert.True(status.GetProperty("jobs").TryGetProperty("running", out _));
        Assert.True(status.GetProperty("managers").GetProperty("driver_loop").GetProperty("healthy").GetBoolean());
        Assert.True(status.GetProperty("managers").GetProperty("state_store").GetProperty("healthy").GetBoolean());
    }

    [Fact]
    public async Task Health_OfRunningNode_IsHealthy()
    {
        var body = await Client.GetStringAsync(new Uri(node.Base, "health"));
        var health = JsonDocument.Parse(body).RootElement;

        Assert.True(health.GetProperty("healthy").GetBoolean());
        Assert.Equal("node-a", health.GetProperty("node_id").GetString());
    }

    [Fact]
    public async Task Metrics_AreInPrometheusText()
    {
        using var response = await Client.GetAsync(new Uri(node.Base, "metrics"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("ringrift_is_leader 1", text);
        Assert.Contains("# TYPE ringrift_loop_steps_total counter", text);
    }

    [Fact]
    public async Task Spawn_WithoutAuthentication_Is401WithJsonError()
    {
        using var response = await Client.PostAsync(new Uri(node.Base, "spawn/selfplay"), Json("{\"config\":\"square8_2p\"}"));

        await AssertJsonError(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Spawn_WithWrongBearer_Is401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(node.Base, "spawn/selfplay")) { Content = Json("{\"config\":\"square8_2p\"}") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-secret-at-all-000000");

        using var response = await Client.SendAsync(request);

        await AssertJsonError(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Spawn_WithBearer_LaunchesAJobCountedInStatus()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(node.Base, "spawn/selfplay"))
        {
            Content = Json("{\"config\":\"square8_2p\",\"gpus\":0,\"job_id\":\"spawn-test-1\"}"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestCluster.Secret);

        using var response = await Client.SendAsync(request);
        var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(result.GetProperty("accepted").GetBoolean());
        Assert.True(await Poll.Until(() => node.Cluster.Runtime(0).RunningProcesses >= 1, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task SpawnTraining_KindWithoutCommandTemplate_IsAcceptedThenFailsToLaunch()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(node.Base, "spawn/training"))
        {
            Content = Json("{\"config\":\"hex8_2p\",\"gpus\":0,\"job_id\":\"train-test-1\"}"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestCluster.Secret);

        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await Poll.Until(() => node.Cluster.Runtime(0).Metrics.Notices("job_launch_failed") >= 1, TimeSpan.FromSeconds(5)));
    }

    [Theory]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("{\"config\":\"Square 8\"}")]
    [InlineData("{\"config\":\"square8_2p\",\"gpus\":-1}")]
    [InlineData("{\"config\":\"square8_2p\",\"job_id\":\"../../etc\"}")]
    public async Task Spawn_MalformedBody_Is400(string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(node.Base, "spawn/selfplay")) { Content = Json(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestCluster.Secret);

        using var response = await Client.SendAsync(request);

        await AssertJsonError(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Message_Unsigned_Is401()
    {
        using var response = await Client.PostAsync(new Uri(node.Base, "kernel/message"), new ByteArrayContent([1, 2, 3]));

        await AssertJsonError(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Message_TamperedBody_Is401()
    {
        using var request = Signing.Signed(node.Base, HttpEndpoints.MessagePath, [1, 2, 3]);
        request.Content = new ByteArrayContent([1, 2, 4]);

        using var response = await Client.SendAsync(request);

        await AssertJsonError(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Message_SignedButMalformed_Is400()
    {
        using var response = await Client.SendAsync(Signing.Signed(node.Base, HttpEndpoints.MessagePath, [250, 1, 2]));

        await AssertJsonError(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Message_Replayed_Is409()
    {
        var nonce = Adapters.Security.MessageAuthenticator.NewNonce();
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        using var first = await Client.SendAsync(Signing.Signed(node.Base, HttpEndpoints.MessagePath, [250], timestampMs: timestamp, nonce: nonce));
        using var again = await Client.SendAsync(Signing.Signed(node.Base, HttpEndpoints.MessagePath, [250], timestampMs: timestamp, nonce: nonce));

        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        await AssertJsonError(again, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Message_StaleTimestamp_Is401()
    {
        var stale = DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeMilliseconds();

        using var response = await Client.SendAsync(Signing.Signed(node.Base, HttpEndpoints.MessagePath, [250], timestampMs: stale));

        await AssertJsonError(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Message_Oversized_Is413()
    {
        using var response = await Client.SendAsync(Signing.Signed(node.Base, HttpEndpoints.MessagePath, new byte[200_000]));

        await AssertJsonError(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task UnknownRoute_Is404WithJsonError()
    {
        using var response = await Client.GetAsync(new Uri(node.Base, "admin/purge_retired"));

        await AssertJsonError(response, HttpStatusCode.NotFound);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task AssertJsonError(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error").GetString()));
        Assert.Equal((int)expected, body.GetProperty("status").GetInt32());
    }
}
