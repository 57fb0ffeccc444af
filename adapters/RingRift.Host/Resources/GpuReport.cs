using System.Collections.Generic;

namespace RingRift.Host.Resources;

/// <summary>The GPUs one nvidia-smi run found, and how many of its lines could not be read.</summary>
public sealed record GpuReport(IReadOnlyList<GpuReading> Gpus, int MalformedLines);
