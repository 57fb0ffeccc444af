using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RingRift.Adapters.Http;
using RingRift.Adapters.Process;
using RingRift.Adapters.Security;
using RingRift.Adapters.Sqlite;
using RingRift.Adapters.Sync;
using RingRift.Adapters.Udp;
using RingRift.Host.Config;
using RingRift.Host.Driver;
using RingRift.Host.Resources;
using RingRift.Kernel;
using RingRift.Kernel.Gossip;

namespace RingRift.Host;

/// <summary>
/// One node: its state database, adapters and driver loop, started and stopped with the host.
/// Start kills the orphans of the previous run, loads the persistent state and starts the kernel;
/// stop is graceful (see <see cref="StopAsync"/>).
/// </summary>
public sealed partial class NodeRuntime : IHostedService
{
    private readonly NodeSettings _settings;
    private readonly ILogger _logger;
    private readonly SqliteStateStore _store;
    private readonly HttpMessageSender _sender;
    private readonly PersistWriter _persist;
    private readonly ProcessJobRunner _processes;
    private readonly SqliteJobLedger _ledger;
    private readonly NodeDriver _driver;
    private readonly MonotonicClock _clock = new();
    private readonly MessageAuthenticator _authenticator;
    private readonly ReplayGuard _replays;
    private readonly ResourceSampler _sampler;
    private readonly OperatorTablesWriter _tables;
    private readonly TransferExecutor _transfers;
    private readonly FileDeleter _deleter;
    private readonly FileReporter? _files;
    private UdpTransport? _udp;
    private long _persistFailures;
    private volatile bool _lastPersistFailed;
    private volatile bool _accepting;

    public NodeRuntime(NodeSettings settings, ILogger<NodeRuntime> logger, IHostApplicationLifetime lifetime)
    {
        _settings = settings;
        _logger = logger;
        var self = settings.Self.Value;
        _store = SqliteStateStore.Open(settings.DataDir, self);
        Metrics = new HostMetrics();
        Counters = new HttpCounters();
        var authenticator = _authenticator = new MessageAuthenticator(settings.Secret);
        var peers = new PeerDirectory();
        foreach (var (node, address) in settings.PeerAddresses) peers.Set(node, address);
        _sender = new HttpMessageSender(settings.Self, peers, authenticator, Counters);
        _driver = new NodeDriver(settings.Kernel, _clock, Metrics, logger, lifetime.StopApplication);
        if (settings.Provider is { } provider)
            _driver.Provider = new ProviderCommands(provider.Provision, provider.Terminate, _driver.Complete, logger);
        var forwarder = settings.EventWebhook is { } webhook ? new EventForwarder(webhook, logger, secret: settings.EventWebhookSecret) : null;
        _driver.Events = Events = new ClusterEventPublisher(settings.Self, logger, forwarder);
        _persist = new PersistWriter(_store, OnPersistCompleted);
        var gpus = new GpuSampler(NvidiaSmi.Locate(Environment.GetEnvironmentVariable("PATH")), settings.Kernel.Self.Gpu.Count);
        _tables = new OperatorTablesWriter(_store, () => _driver.Status, settings.PeerAddresses, settings.PeerTablePeriod, logger);
        _ledger = new SqliteJobLedger(_store, self, logger);
        _processes = new ProcessJobRunner(settings.Jobs, _ledger, CompleteAndReport, self, settings.DataDir)
        {
            TerminateGrace = settings.TerminateGrace,
            LeaseClock = () => _clock.Now,
            Gpus = GpusOf(settings.Kernel),
        };
        _sampler = new ResourceSampler(settings.DataDir, _driver.TryPost, settings.ResourceSamplePeriod, gpus, () => _processes.SelfplayGamesWritten);
        var index = new FileIndex(new DataPaths(settings.DataDir));
        var partials = new PartialFiles(index.Paths, index);
        // With sync on, the kernel learns the data directory's files from this host's reports.
        if (settings.Kernel.Sync is { } sync) _files = new FileReporter(index, _driver.TryPost, TimeSpan.FromMilliseconds(sync.StatusInterval.WholeMillis));
        _transfers = new TransferExecutor(settings.Self, index, partials, peers, new RequestSigner(self, authenticator), CompleteAndReport)
        {
            StallTimeout = settings.TransferStallTimeout,
        };
        _deleter = new FileDeleter(index, CompleteAndReport);
        _replays = new ReplayGuard(settings.ReplayWindow, 100_000, static () => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Endpoints = new HttpEndpointContext(new NodeGateway(this), settings.Secret, authenticator, _replays, Counters) { Peers = peers };
        Sync = new SyncEndpoints(Endpoints, index, partials, _transfers) { ReceiveStallTimeout = settings.TransferStallTimeout };
    }

    /// <summary>Runs this node's file transfers (the kernel's, and operators' pulls).</summary>
    public TransferExecutor Transfers => _transfers;

    /// <summary>The sync API over this node's data directory.</summary>
    public SyncEndpoints Sync { get; }

    public HttpEndpointContext Endpoints { get; }
    public HostMetrics Metrics { get; }

    /// <summary>The cluster events this node logs and forwards to its webhook.</summary>
    public ClusterEventPublisher Events { get; }
    public HttpCounters Counters { get; }
    public NodeDriver Driver => _driver;
    public SqliteStateStore Store => _store;
    public int RunningProcesses => _processes.RunningCount;

    /// <summary>The selfplay games this node's jobs wrote since boot; null while none ran.</summary>
    public long? SelfplayGamesWritten => _processes.SelfplayGamesWritten;

    /// <summary>The GPUs nvidia-smi last reported (none without it).</summary>
    public GpuReport Gpus => _sampler.LastGpus;
    public UdpCounters UdpCounters { get; } = new();

    /// <summary>Where SWIM datagrams are received; null when SWIM travels over HTTP.</summary>
    public System.Net.IPEndPoint? UdpEndPoint => _udp?.LocalEndPoint;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var orphans = ProcessJobRunner.KillOrphans(_ledger);
        if (orphans > 0) _logger.LogWarning("killed {Count} orphan job processes of the previous run", orphans);
        var restored = _store.LoadKernelState();
        _logger.LogInformation(
            "node {Node} starting: seed={Seed} restored_version={Version} restored_boot_count={BootCount} schema={Schema} db={Db}",
            _settings.Self, _settings.Kernel.Seed, restored.Version, restored.BootCount, _store.SchemaVersion, _store.Path);
        StartUdp();
        _driver.Start(restored, new EffectRouter(_sender, _udp, _settings.PeerUdp, _persist, _processes, _transfers, _deleter));
        _sampler.Start();
        _tables.Start();
        _files?.Start();
        _accepting = true;
        return Task.CompletedTask;
    }

    /// <summary>SWIM datagrams need SWIM (swim or hybrid mode) and a UDP port for this node.</summary>
    private void StartUdp()
    {
        if (_settings.UdpPort is not { } port || _settings.Kernel.MembershipMode == MembershipMode.Heartbeat) return;
        _udp = new UdpTransport(
            new System.Net.IPEndPoint(_settings.Bind, port), _settings.Self.Value, _authenticator, _replays,
            (from, message, isResponse) => _driver.TryPost(new Deliver(from, message, isResponse)), UdpCounters);
        _logger.LogInformation("SWIM datagrams on udp {EndPoint}", _udp.LocalEndPoint);
    }

    /// <summary>
    /// This host's GPUs for job processes: its profile's count, shared by as many selfplay processes as dispatch
    /// gives one GPU of its class (<see cref="Kernel.Scheduling.Jobs.NodeCapacity.SlotsPerGpu"/>; the default policy's
    /// when dispatch is off).
    /// </summary>
    internal static GpuAssigner GpusOf(Kernel.Node.KernelConfig kernel)
    {
        var scheduling = kernel.Scheduling ?? Kernel.Scheduling.Jobs.SchedulingConfig.Default;
        return new GpuAssigner(kernel.Self.Gpu.Count, scheduling.CapacityOf(kernel.Self).SlotsPerGpu);
    }

    /// <summary>A job or transfer ended: the kernel hears of it, and of the files it may have left, at once.</summary>
    private void CompleteAndReport(EffectCompleted completed)
    {
        _driver.Complete(completed);
        _files?.Nudge();
    }

    private void OnPersistCompleted(EffectCompleted completed)
    {
        _lastPersistFailed = completed.Outcome is PersistFailed;
        if (completed.Outcome is PersistFailed failed)
        {
            Interlocked.Increment(ref _persistFailures);
            _logger.LogWarning("persist {Effect} failed: {Reason}", completed.EffectId, failed.Reason);
        }
        _driver.Complete(completed);
    }
}
