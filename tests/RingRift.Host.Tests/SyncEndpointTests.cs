using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using RingRift.Adapters.Http;
using RingRift.Adapters.Security;
using RingRift.Adapters.Sync;
using RingRift.Host.Tests.Support;
using Xunit;

namespace RingRift.Host.Tests;

/// <summary>The sync endpoints of real nodes: authentication, paths confined to the data directory, ranges, the manifest and operator pulls.</summary>
public sealed class SyncEndpointTests(SyncClusterFixture fixture) : IClassFixture<SyncClusterFixture>
{
    private static readonly RequestSigner Signer = new("node-z", Signing.Authenticator);

    private HttpClient Client => fixture.Cluster.Client;

    [Theory]
    [InlineData("../secret")]
    [InlineData("games/../../secret")]
    [InlineData("/etc/passwd")]
    [InlineData("games//x.db")]
    [InlineData("node-a_state.db")]
    [InlineData(".sync-partial/x.part")]
    [InlineData("")]
    public async Task GetFile_PathOutsideTheServedFiles_Is400Json(string path)
    {
        using var response = await Client.SendAsync(SignedGet(0, SyncHeaders.FileQuery(path)));

        await AssertJsonError(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task GetFile_ThroughASymlinkLeavingTheDataDir_Is400Json()
    {
        using var outside = new TempDir();
        File.WriteAllText(outside.File("secret.txt"), "not yours");
        Directory.CreateSymbolicLink(Path.Combine(fixture.DataDir(0), "escape"), outside.Path);

        using var response = await Client.SendAsync(SignedGet(0, SyncHeaders.FileQuery("escape/secret.txt")));

        await AssertJsonError(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task GetFile_Unauthenticated_Is401Json()
    {
        fixture.Write(0, "games/open.db", [1, 2, 3]);

        using var response = await Client.GetAsync(new Uri(fixture.Cluster.Base(0), "sync/file" + SyncHeaders.FileQuery("games/open.db")));

        await AssertJsonError(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task GetFile_Range_Is206WithThoseBytesAndTheHash()
    {
        var bytes = SyncClusterFixture.Bytes(1000, 11);
        fixture.Write(0, "games/range.db", bytes);
        var request = SignedGet(0, SyncHeaders.FileQuery("games/range.db"));
        request.Headers.Range = new RangeHeaderValue(100, 199);

        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(bytes.AsSpan(100, 100).ToArray(), await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("bytes 100-199/1000", response.Content.Headers.ContentRange!.ToString());
        Assert.Equal(ContentHashes.Of(bytes).ToString(), string.Join("", response.Headers.GetValues(SyncHeaders.ContentHash)));
    }

    [Theory]
    [InlineData("bytes=5000-6000", HttpStatusCode.RequestedRangeNotSatisfiable)]
    [InlineData("bytes=20-10", HttpStatusCode.BadRequest)]
    [InlineData("bytes=0-1,5-6", HttpStatusCode.BadRequest)]
    [InlineData("lines=1-2", HttpStatusCode.BadRequest)]
    public async Task GetFile_BadRange_Is4xxJson(string range, HttpStatusCode expected)
    {
        fixture.Write(0, "games/badrange.db", SyncClusterFixture.Bytes(100, 12));
        var request = SignedGet(0, SyncHeaders.FileQuery("games/badrange.db"));
        request.Headers.TryAddWithoutValidation("Range", range);

        using var response = await Client.SendAsync(request);

        await AssertJsonError(response, expected);
    }

    [Fact]
    public async Task GetFile_Absent_Is404Json()
    {
        using var response = await Client.SendAsync(SignedGet(0, SyncHeaders.FileQuery("games/never.db")));

        await AssertJsonError(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Manifest_ListsDataFilesWithKindSizeAndHash_ButNotTheNodesOwn()
    {
        var model = SyncClusterFixture.Bytes(64, 13);
        fixture.Write(1, "models/m.pth", model);

        using var response = await Client.SendAsync(SignedGet(1, "", SyncHeaders.ManifestPath));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var manifest = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("node-b", manifest.GetProperty("node_id").GetString());
        var files = manifest.GetProperty("files").EnumerateArray();
        var entry = Assert.Single(files, f => f.GetProperty("path").GetString() == "models/m.pth");
        Assert.Equal("model", entry.GetProperty("kind").GetString());
        Assert.Equal(64, entry.GetProperty("size_bytes").GetInt64());
        Assert.Equal(ContentHashes.Of(model).ToString(), entry.GetProperty("hash").GetString());
        Assert.DoesNotContain(files, f => f.GetProperty("path").GetString()!.Contains("_state.db", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pull_OperatorAsksANodeToFetchAFile_ItArrivesVerified()
    {
        var bytes = SyncClusterFixture.Bytes(70_000, 14);
        fixture.Write(0, "games/ordered.db", bytes);
        var body = $$"""{"source":"node-a","path":"games/ordered.db","hash":"{{ContentHashes.Of(bytes)}}","size_bytes":{{bytes.Length}}}""";

        using var response = await Client.SendAsync(BearerPost(1, body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(result.GetProperty("file_complete").GetBoolean());
        Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(fixture.DataDir(1), "games/ordered.db")));
    }

    [Theory]
    [InlineData("""{"source":"node-a","path":"../x","hash":"00000000000000000000000000000000","size_bytes":1}""")]
    [InlineData("""{"source":"node-a","path":"games/x.db","hash":"nothex","size_bytes":1}""")]
    [InlineData("""{"source":"node-b","path":"games/x.db","hash":"00000000000000000000000000000000","size_bytes":1}""")]
    [InlineData("""{"source":"node-a","path":"games/x.db","hash":"00000000000000000000000000000000","size_bytes":1,"offset_bytes":2}""")]
    [InlineData("""not json""")]
    public async Task Pull_MalformedRequest_Is400Json(string body)
    {
        using var response = await Client.SendAsync(BearerPost(1, body));

        await AssertJsonError(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Pull_Unauthenticated_Is401Json()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.Cluster.Base(1), "sync/pull")) { Content = new StringContent("{}") };

        using var response = await Client.SendAsync(request);

        await AssertJsonError(response, HttpStatusCode.Unauthorized);
    }

    private HttpRequestMessage SignedGet(int node, string query, string path = SyncHeaders.FilePath)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Cluster.Base(node), path + query));
        Signer.Sign(request, []);
        return request;
    }

    private HttpRequestMessage BearerPost(int node, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.Cluster.Base(node), "sync/pull"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestCluster.Secret);
        return request;
    }

    private static async Task AssertJsonError(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error").GetString()));
    }
}
