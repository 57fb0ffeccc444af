using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using RingRift.Adapters.Sqlite;
using RingRift.Host.Tests.Support;
using RingRift.Kernel;
using Xunit;

namespace RingRift.Host.Tests;

public sealed class SqliteStateStoreTests
{
    private static readonly PersistentState Sample = new(7, 3) { Election = new ElectionDurable(5, 4, new NodeId("voter-2")) };

    [Fact]
    public void Open_NewDatabase_IsMigratedAndLoadsEmptyState()
    {
        using var dir = new TempDir();
        using var store = SqliteStateStore.Open(dir.Path, "n1");

        Assert.Equal(SchemaMigrations.Latest, store.SchemaVersion);
        Assert.Equal(PersistentState.Empty, store.LoadKernelState());
        Assert.Equal("ok", store.IntegrityCheck());
    }

    [Fact]
    public void Open_CreatesTheSeedsTables()
    {
        using var dir = new TempDir();
        string path;
        using (var store = SqliteStateStore.Open(dir.Path, "n1")) path = store.Path;

        using var connection = new SqliteConnection("Data Source=" + path);
        connection.Open();
        foreach (var table in (string[])["peers", "jobs", "state", "metrics_history", "peer_cache", "config"])
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name;";
            command.Parameters.AddWithValue("$name", table);
            Assert.Equal(1L, (long)command.ExecuteScalar()!);
        }
    }

    [Fact]
    public void Open_UsesWalAndFullSync()
    {
        using var dir = new TempDir();
        using var store = SqliteStateStore.Open(dir.Path, "n1");
        using var connection = new SqliteConnection("Data Source=" + store.Path);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", (string)command.ExecuteScalar()!);
    }

    [Fact]
    public void Save_ThenReopen_LoadsTheSameState()
    {
        using var dir = new TempDir();
        using (var store = SqliteStateStore.Open(dir.Path, "n1")) Assert.True(store.SaveKernelState(Sample));

        using var reopened = SqliteStateStore.Open(dir.Path, "n1");

        Assert.Equal(Sample, reopened.LoadKernelState());
    }

    /// <summary>
    /// The store writes PersistentState field by field. A durable slice added to the kernel and not to
    /// the store would be lost at every restart without an error, so adding one fails here first.
    /// </summary>
    [Fact]
    public void PersistentState_HasOnlyTheSlicesTheStoreWrites()
    {
        var properties = typeof(PersistentState).GetProperties().Select(p => p.Name).Order(System.StringComparer.Ordinal);
        var elections = typeof(ElectionDurable).GetProperties().Select(p => p.Name).Order(System.StringComparer.Ordinal);

        Assert.Equal(["BootCount", "Election", "Journal", "Pipeline", "Version"], properties);
        Assert.Equal(["GrantedEpoch", "Grantee", "MaxEpoch"], elections);
    }

    [Fact]
    public void SaveThenLoad_Pipeline_RoundTripsEveryConfig()
    {
        using var dir = new TempDir();
        var configs = System.Collections.Immutable.ImmutableArray.Create(
            ConfigPipeline.Start with { Games = 4_000, Candidate = 3, Evaluated = 2, Promoted = 2, Distributed = 1, Elo = 1_350 },
            ConfigPipeline.Start with { Games = 17 });
        var state = Sample with { Pipeline = new PipelineSnapshot(Epoch: 4, Version: 91, configs) };
        using (var store = SqliteStateStore.Open(dir.Path, "n1")) Assert.True(store.SaveKernelState(state));

        using var reopened = SqliteStateStore.Open(dir.Path, "n1");
        var loaded = reopened.LoadKernelState();

        Assert.Equal((4L, 91L), (loaded.Pipeline.Epoch, loaded.Pipeline.Version));
        Assert.Equal(configs.ToArray(), loaded.Pipeline.Configs.ToArray());
        Assert.Equal(Sample, loaded with { Pipeline = PipelineSnapshot.Empty });
    }

    [Fact]
    public void SaveThenLoad_Journal_RoundTripsEveryJobInOrder()
    {
        using var dir = new TempDir();
        System.Collections.Immutable.ImmutableArray<JobSpec> journal =
            [new(new JobId("sp-4-17"), JobKind.Selfplay, "hex8_2p", 1), new(new JobId("tr-4-2"), JobKind.Training, "square19_4p", 8)];
        using (var store = SqliteStateStore.Open(dir.Path, "n1")) Assert.True(store.SaveKernelState(Sample with { Journal = journal }));

        using var reopened = SqliteStateStore.Open(dir.Path, "n1");
        var loaded = reopened.LoadKernelState();

        Assert.Equal(journal.ToArray(), loaded.Journal.ToArray());
        Assert.Equal(Sample, loaded with { Journal = [] });
    }

    [Fact]
    public void Save_NotNewerThanStored_IsRefusedAndKeepsTheStoredState()
    {
        using var dir = new TempDir();
        using var store = SqliteStateStore.Open(dir.Path, "n1");
        store.SaveKernelState(Sample);

        var refused = store.SaveKernelState(new PersistentState(Sample.Version, 99));

        Assert.False(refused);
        Assert.Equal(Sample, store.LoadKernelState());
    }

    [Fact]
    public void Open_SchemaNewerThanBuild_Throws()
    {
        using var dir = new TempDir();
        string path;
        using (var store = SqliteStateStore.Open(dir.Path, "n1")) path = store.Path;
        using (var connection = new SqliteConnection("Data Source=" + path + ";Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99;";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<StateStoreException>(() => SqliteStateStore.Open(dir.Path, "n1"));
        Assert.Contains("99", error.Message);
    }

    [Fact]
    public async Task PersistWriter_ManyPersists_CompletesEachOnceAndStoresTheHighest()
    {
        using var dir = new TempDir();
        using var store = SqliteStateStore.Open(dir.Path, "n1");
        var completions = new ConcurrentQueue<EffectCompleted>();
        await using (var writer = new PersistWriter(store, completions.Enqueue))
        {
            for (var version = 1; version <= 200; version++)
                writer.Enqueue(new Persist(new EffectId(version), new PersistentState(version, 1)));
        }

        Assert.Equal(200, completions.Count);
        Assert.All(completions, c => Assert.IsType<Persisted>(c.Outcome));
        Assert.Equal(200, store.LoadKernelState().Version);
    }

    [Fact]
    public void SavePeers_ReplacesTheTable()
    {
        using var dir = new TempDir();
        using var store = SqliteStateStore.Open(dir.Path, "n1");
        store.SavePeers([new PeerRecord("b", "10.0.0.2", 8770, "alive", 3), new PeerRecord("c", null, null, "dead", 1)]);

        store.SavePeers([new PeerRecord("b", "10.0.0.2", 8770, "suspect", 4)]);

        Assert.Equal([new PeerRecord("b", "10.0.0.2", 8770, "suspect", 4)], store.LoadPeers());
    }

    [Fact]
    public void Jobs_SavedRunning_AreListedUntilEnded()
    {
        using var dir = new TempDir();
        using var store = SqliteStateStore.Open(dir.Path, "n1");
        store.SaveJob(new JobRecord("j1", "selfplay", "n1", "square8_2p", 1234, 99, "running"));
        store.SaveJob(new JobRecord("j2", "training", "n1", "hex8_2p", 1235, 100, "running"));

        store.SetJobStatus("j1", "completed");

        var running = Assert.Single(store.RunningJobs());
        Assert.Equal("j2", running.JobId);
        Assert.Equal(1235, running.Pid);
    }
}
