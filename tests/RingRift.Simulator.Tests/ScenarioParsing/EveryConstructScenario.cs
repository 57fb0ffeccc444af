namespace RingRift.Simulator.Tests.ScenarioParsing;

/// <summary>A scenario that uses every construct of the language once; tests assert its exact model.
/// Line numbers matter: the timeline's SourceLines are asserted.</summary>
internal static class EveryConstructScenario
{
    public const string Source = "every-construct.yaml";

    public const string Text = """
        name: every-construct
        description: >
          Uses every construct
          of the language.
        seed: 18446744073709551615
        duration: 2h
        cluster:
          p2p_voters: [hetzner-cpu1, aws-cpu1]
          hosts:
            lambda-gh200-1:
              gpu: GH200
              gpu_vram_gb: 96
              memory_gb: 480
              cpus: 72
              disk_gb: 4000
              nat_blocked: true
              role: gpu_selfplay
              ssh_host: 192.0.2.10
              tailscale_ip: 100.64.0.10
              ssh_user: ubuntu
              ringrift_path: ~/ringrift/ai-service
              clock: { offset: 2s, drift_ppm: -50 }
            hetzner-cpu1: { memory_gb: 64, cpus: 16, disk_gb: 1000 }
            aws-cpu1: { provider: amazon, memory_gb: 32, cpus: 8, disk_gb: 200, status: proxy_only }
            nebius-h100-1: { gpu: H100, gpu_count: 8, gpu_vram_gb: 80, memory_gb: 1600, cpus: 128, disk_gb: 8000, status: offline }
          generate:
            - { prefix: vast-rtx4090-, count: 3, gpu: RTX 4090, gpu_count: 2, gpu_vram_gb: 24, memory_gb: 128, cpus: 32, disk_gb: 1000, status: ready }
        membership:
          heartbeat_interval: 10s
          suspect_timeout: 60s
          dead_timeout: 120s
          retire_timeout: 240s
          retired_probe_interval: 30s
          peer_table_max: 64
        network:
          same_provider: { min: 5ms, median: 10ms, p99: 40ms }
          cross_provider: { min: 20ms, median: 80ms, p99: 2600ms }
          nat_relay: { min: 2s, median: 3s, p99: 5s }
          loss: 0.1%
          duplicate: 0.05%
          reorder: 1%
          reorder_delay_max: 250ms
          replay: 0.0001
          replay_delay_max: 2m
        timeline:
          - { at: 1h, terminate: vast-rtx4090-1, job: sp-1 }
          - { at: 10m, crash: hetzner-cpu1, torn_write: true }
          - { at: 10m, crash: aws-cpu1 }
          - { at: 20m, restart: hetzner-cpu1 }
          - { at: 30m, pause: vast-rtx4090-3, for: 5m }
          - { at: 40m, partition: [vast-rtx4090-1, vast-rtx4090-2] }
          - { at: 40m, partition: [lambda-gh200-1], from: [vast-rtx4090-3] }
          - { at: 41m, one_way: { from: [hetzner-cpu1], to: [vast-rtx4090-1, vast-rtx4090-2] } }
          - { at: 42m, flap: [hetzner-cpu1, lambda-gh200-1], period: 30s }
          - { at: 45m, heal: network }
          - { at: 46m, network: { loss: 1%, replay: 0.5% } }
          - { at: 47m, clock_step: vast-rtx4090-2, by: -5s }
          - { at: 48m, clock_drift: vast-rtx4090-2, ppm: 300 }
          - { at: 49m, gpu: lambda-gh200-1, fault: straggler, slowdown: 300% }
          - { at: 50m, gpu: lambda-gh200-1, fault: recover }
          - { at: 51m, process_faults: vast-rtx4090-1, launch_failure: 10%, oom: 1% }
          - { at: 52m, disk: hetzner-cpu1, fault: slow, latency: 2s }
          - { at: 53m, disk: hetzner-cpu1, fault: fsync_fails }
          - { at: 55m, launch: vast-rtx4090-1, job: { id: sp-1, kind: selfplay, config: hexagonal_4p, gpus: 2, runtime: 20m } }
          - { at: 55m, launch: hetzner-cpu1, job: { id: tr-1, kind: training, config: square8_2p, runtime: 1h } }
        checks: [membership_converges, stable_membership]
        expect:
          violation: stable_membership
          views:
            - { at: 1h5m, observer: hetzner-cpu1, peer: lambda-gh200-1, state: suspect }
            - { at: 2h, peer: vast-rtx4090-3, state: retired }
        swarm: { safety_phase: 40m, liveness_phase: 5m }
        """;
}
