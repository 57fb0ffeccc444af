namespace RingRift.Kernel;

/// <summary>What to run: the job's id, kind, board config ("square8_2p") and GPUs it needs.</summary>
public sealed record JobSpec(JobId Id, JobKind Kind, string Config, int Gpus);

/// <summary>The kinds of work in the AlphaZero loop.</summary>
public enum JobKind : byte
{
    Selfplay = 0,
    Training = 1,
    Gauntlet = 2,
}
