using System;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using RingRift.Adapters.Http;
using RingRift.Host.Tests.Support;
using Xunit;

namespace RingRift.Host.Tests;

/// <summary>
/// A seeded generator of malformed, oversized, replayed, tampered and unauthenticated requests against a
/// real node: every one is refused with a 4xx, the node stays up, and its kernel state is unchanged.
/// </summary>
public sealed class BadInputFuzzTests(SingleNodeFixture node) : IClassFixture<SingleNodeFixture>
{
    private const int Requests = 1500;
    private static readonly string[] Paths =
        ["/kernel/message", "/gossip", "/spawn/selfplay", "/status", "/nope", "/metrics", "/sync/pull", "/sync/manifest", "/sync/file?path=games/x.db", "/sync/file?path=../x"];

    [Fact]
    public async Task ThousandsOfBadRequests_AllRefusedWith4xx_NodeUpAndStateUnchanged()
    {
        var before = (await node.Cluster.StatusAsync(0))!.Value;
        var random = new Random(20261128);
        var replayable = Signing.Signed(node.Base, HttpEndpoints.MessagePath, [255]);
        using (await node.Cluster.Client.SendAsync(replayable)) { }

        for (var i = 0; i < Requests; i++)
        {
            using var request = BadRequest(random, i);
            using var response = await node.Cluster.Client.SendAsync(request);
            var code = (int)response.StatusCode;
            Assert.True(code is >= 400 and < 500, $"request {i} ({request.Method} {request.RequestUri}) got {code}");
        }

        var after = (await node.Cluster.StatusAsync(0))!.Value;
        Assert.Equal("LEADER", after.GetProperty("role").GetString());
        Assert.Equal(before.GetProperty("epoch").GetInt64(), after.GetProperty("epoch").GetInt64());
        Assert.Equal(before.GetProperty("incarnation").GetInt64(), after.GetProperty("incarnation").GetInt64());
        Assert.Equal(0, after.GetProperty("jobs").GetProperty("running").GetInt32());
    }

    private HttpRequestMessage BadRequest(Random random, int index)
    {
        var path = Paths[random.Next(Paths.Length)];
        var body = RandomBody(random);
        return (index % 6) switch
        {
            0 => Plain(HttpMethod.Post, path, body),
            1 => Signed(random, path, body),
            2 => Tampered(path, body),
            3 => WithBadHeaders(random, path, body),
            4 => Plain(random.Next(2) == 0 ? HttpMethod.Put : HttpMethod.Delete, path, body),
            _ => Plain(HttpMethod.Post, path, new byte[random.Next(70_000, 300_000)]),
        };
    }

    private HttpRequestMessage Plain(HttpMethod method, string path, byte[] body) =>
        new(method, new Uri(node.Base, path)) { Content = new ByteArrayContent(body) };

    /// <summary>Signed for another endpoint than the one it is sent to (401), or signed garbage (400: a leading 0 is no message kind).</summary>
    private HttpRequestMessage Signed(Random random, string path, byte[] body)
    {
        var target = path is "/kernel/message" or "/gossip" ? path : "/gossip";
        byte[] garbage = [0, .. body];
        if (random.Next(3) != 0) return Signing.Signed(node.Base, target, garbage);
        var request = Signing.Signed(node.Base, "/spawn/selfplay", garbage);
        request.RequestUri = new Uri(node.Base, target);
        return request;
    }

    private HttpRequestMessage Tampered(string path, byte[] body)
    {
        var request = Signing.Signed(node.Base, HttpEndpoints.MessagePath, body);
        request.Content = new ByteArrayContent([.. body, 1]);
        return request;
    }

    private HttpRequestMessage WithBadHeaders(Random random, string path, byte[] body)
    {
        var request = Plain(HttpMethod.Post, path, body);
        request.Headers.TryAddWithoutValidation(AuthHeaders.Sender, random.Next(2) == 0 ? "../evil" : "node-z");
        request.Headers.TryAddWithoutValidation(AuthHeaders.Timestamp, random.Next(2) == 0 ? "-5" : "99999999999999999999");
        request.Headers.TryAddWithoutValidation(AuthHeaders.Nonce, RandomHex(random, random.Next(0, 40)));
        request.Headers.TryAddWithoutValidation(AuthHeaders.Signature, RandomHex(random, random.Next(0, 80)));
        if (random.Next(2) == 0) request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + RandomHex(random, 40));
        return request;
    }

    private static byte[] RandomBody(Random random)
    {
        var body = new byte[random.Next(0, 512)];
        random.NextBytes(body);
        if (random.Next(4) == 0) body = Encoding.UTF8.GetBytes("{\"config\":" + random.Next() + "}");
        return body;
    }

    private static string RandomHex(Random random, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++) chars[i] = "0123456789abcdefxyz"[random.Next(19)];
        return new string(chars);
    }
}
