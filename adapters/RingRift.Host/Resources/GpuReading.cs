namespace RingRift.Host.Resources;

/// <summary>One GPU as nvidia-smi reports it: model name, memory in MiB, utilisation in percent.</summary>
public sealed record GpuReading(string Name, long MemoryTotalMib, long MemoryUsedMib, int UtilizationPercent);
