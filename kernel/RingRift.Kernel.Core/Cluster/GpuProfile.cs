namespace RingRift.Kernel;

/// <summary>A node's GPUs: model name as advertised (e.g. "GH200"), count and VRAM per GPU.</summary>
public sealed record GpuProfile(string Model, int Count, int VramGb)
{
    public static readonly GpuProfile None = new("", 0, 0);
}
