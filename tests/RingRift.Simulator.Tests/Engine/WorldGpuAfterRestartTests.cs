using RingRift.Simulator.Scenarios;
using RingRift.Simulator.Tests.Support;
using Xunit;

namespace RingRift.Simulator.Tests.Engine;

/// <summary>A GPU that fails while its node is down stays unusable when the node comes back, in the kernel and in the figures.</summary>
public sealed class WorldGpuAfterRestartTests
{
    private const string Yaml = """
        name: gpu-fails-while-down
        seed: 3
        duration: 90m
        workload: { selfplay_runtime: 20m, warm_up: 5m }
        cluster:
          p2p_voters: [hetzner-cpu1, hetzner-cpu2, hetzner-cpu3]
          hosts:
            hetzner-cpu1:   { memory_gb: 64, cpus: 16, disk_gb: 1000 }
            hetzner-cpu2:   { memory_gb: 64, cpus: 16, disk_gb: 1000 }
            hetzner-cpu3:   { memory_gb: 64, cpus: 16, disk_gb: 1000 }
            lambda-h100-1:  { gpu: H100, gpu_vram_gb: 80, memory_gb: 200, cpus: 26, disk_gb: 1400 }
            vast-rtx4090-1: { gpu: RTX 4090, gpu_count: 8, gpu_vram_gb: 24, memory_gb: 512, cpus: 384, disk_gb: 4000 }
        timeline:
          - { at: 20m, crash: vast-rtx4090-1 }
          - { at: 21m, gpu: vast-rtx4090-1, fault: fail_stop }
          - { at: 22m, restart: vast-rtx4090-1 }
        """;

    [Fact]
    public void Run_GpuFailsWhileItsNodeIsDown_ItsSlotsAreNeverCountedIdleWithWorkPending()
    {
        var run = SimRun.Of(ScenarioParser.Parse(Yaml, "inline.yaml"), 3);

        // The failed box's 24 slots (eight RTX 4090s at three selfplay processes each) counted as idle from
        // 22m to 90m would be 24 × 4,080 slot-seconds; the healthy H100's four slots can only be idle for the
        // moments between their jobs.
        var jobs = run.Report.Jobs!;
        Assert.InRange(jobs.IdleGpuSecondsWhilePending, 0, 600);
        Assert.Equal(0, jobs.MaxJobsOverSlots);
    }
}
