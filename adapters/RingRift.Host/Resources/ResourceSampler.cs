using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using RingRift.Kernel;

namespace RingRift.Host.Resources;

/// <summary>
/// Samples this machine every period, off the driver loop, and posts each sample as
/// <see cref="Observed"/>: CPU busy since the last sample (/proc/stat), memory in use (/proc/meminfo),
/// free disk under the data directory, and the GPUs (<see cref="GpuSampler"/>: nvidia-smi when installed,
/// else the static profile), and the selfplay games written so far (<paramref name="gamesWritten"/>: the job
/// runner's count, null while no selfplay job has run; no games are counted without it).
/// </summary>
internal sealed class ResourceSampler(
    string dataDir, Func<KernelInput, bool> post, TimeSpan period, GpuSampler? gpus = null, Func<long?>? gamesWritten = null) : IAsyncDisposable
{
    private readonly GpuSampler _gpus = gpus ?? new GpuSampler(null, 0);

    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private (long Busy, long Total)? _lastCpu;

    public void Start() => _loop = Task.Run(RunAsync);

    public GpuReport LastGpus => _gpus.Last;

    public async Task<ResourceSample> SampleAsync()
    {
        var (gpuBusy, gpuHealth) = await _gpus.SampleAsync().ConfigureAwait(false);
        return Sample() with { GpuBusy = gpuBusy, GpuHealth = gpuHealth };
    }

    public ResourceSample Sample()
    {
        var cpu = Read("/proc/stat") is { } stat ? ProcReaders.CpuJiffies(stat) : null;
        var busy = Ratio.Zero;
        if (cpu is { } now && _lastCpu is { } last && now.Total > last.Total)
            busy = Ratio.Of(Math.Clamp(now.Busy - last.Busy, 0, now.Total - last.Total), now.Total - last.Total);
        _lastCpu = cpu;
        var memory = (Read("/proc/meminfo") is { } meminfo ? ProcReaders.MemoryUsed(meminfo) : null) ?? Ratio.Zero;
        return new ResourceSample(busy, memory, Ratio.Zero, new ByteSize(FreeDiskBytes()), GpuHealth.Healthy)
        {
            DiskUsed = DiskUsage.UsedOf(dataDir),
            GamesWritten = gamesWritten?.Invoke(),
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null) await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(period);
        try
        {
            do post(new Observed(await SampleAsync().ConfigureAwait(false)));
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    private long FreeDiskBytes()
    {
        try
        {
            return new DriveInfo(Path.GetFullPath(dataDir)).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
