namespace RingRift.Kernel.Scheduling;

/// <summary>
/// A node's GPU model, reduced to the classes of the original's power table. <see cref="None"/> is a
/// node without a GPU (a CPU host); <see cref="Unknown"/> is a GPU whose model the table does not
/// name. Declared weakest first, but ranking uses <see cref="GpuPowerRanking.Score"/>, never the
/// numeric value.
/// </summary>
public enum GpuClass : byte
{
    None = 0,
    Unknown,
    AppleMps,
    AppleM1,
    AppleM2,
    AppleM3,
    Rtx3060,
    Rtx3070,
    Rtx3080,
    Rtx4060,
    V100,
    Rtx3090,
    Rtx4070,
    Rtx5070,
    Rtx4080,
    A10,
    Rtx5080,
    Rtx4090,
    L40,
    Rtx5090,
    A100,
    H100,
    H200,
}
