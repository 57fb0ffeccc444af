using System.Collections.Generic;

namespace RingRift.Kernel.Sync;

/// <summary>
/// The one place disk thresholds come from (the original hard-coded 60–96 % in a dozen files, and
/// the disagreement halted the pipeline for days). A node is at <see cref="DiskLevel.Warning"/> when
/// more than <see cref="WarningUsed"/> of its disk is used, unless it still has
/// <see cref="AmpleFree"/> bytes free; and at <see cref="DiskLevel.Critical"/> above
/// <see cref="CriticalUsed"/>, unless it still has <see cref="SafeFree"/> bytes free. Absolute free
/// space wins because a 926 GB disk with 231 GB free must never stop the pipeline because a
/// percentage says so; the reserve each level keeps is the smaller of its two rules, and the two
/// caps differ so that large disks still pass through a warning level before they are critical.
/// </summary>
public sealed record DiskThresholds(Ratio WarningUsed, Ratio CriticalUsed, ByteSize AmpleFree, ByteSize SafeFree)
{
    /// <summary>
    /// Warning at 85 % and critical at 95 % used, the original's sync and cleanup limits after its
    /// fixes; 100 GB free is ample (more than a day of a busy worker's games) and 20 GB is safe.
    /// </summary>
    public static readonly DiskThresholds Default = new(
        Ratio.FromPercent(85), Ratio.FromPercent(95), ByteSize.FromGigabytes(100), ByteSize.FromGigabytes(20));

    /// <summary>Every inconsistency, each naming its field; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (WarningUsed <= Ratio.Zero || WarningUsed > Ratio.One)
            errors.Add($"disk_warning_used must be within (0%, 100%] (got {WarningUsed})");
        if (CriticalUsed <= Ratio.Zero || CriticalUsed > Ratio.One)
            errors.Add($"disk_critical_used must be within (0%, 100%] (got {CriticalUsed})");
        if (WarningUsed > CriticalUsed)
            errors.Add($"disk_warning_used ({WarningUsed}) must not exceed disk_critical_used ({CriticalUsed})");
        if (AmpleFree <= ByteSize.Zero) errors.Add($"disk_ample_free must be positive (got {AmpleFree})");
        if (SafeFree <= ByteSize.Zero || SafeFree > AmpleFree)
            errors.Add($"disk_safe_free must be positive and at most disk_ample_free ({AmpleFree}) (got {SafeFree})");
        return errors;
    }

    /// <summary>Free bytes a node keeps before it reaches <see cref="DiskLevel.Critical"/>.</summary>
    public ByteSize CriticalReserve(ByteSize total) => Reserve(total, CriticalUsed, SafeFree);

    /// <summary>Free bytes a node keeps before it reaches <see cref="DiskLevel.Warning"/>.</summary>
    public ByteSize WarningReserve(ByteSize total) => Reserve(total, WarningUsed, AmpleFree);

    /// <summary>The level of a disk of <paramref name="total"/> bytes with <paramref name="free"/> free.</summary>
    public DiskLevel Level(ByteSize total, ByteSize free)
    {
        if (free < CriticalReserve(total)) return DiskLevel.Critical;
        return free < WarningReserve(total) ? DiskLevel.Warning : DiskLevel.Normal;
    }

    /// <summary>Bytes that can still arrive on such a disk before it reaches <see cref="DiskLevel.Critical"/>; never negative.</summary>
    public ByteSize Headroom(ByteSize total, ByteSize free)
    {
        var room = free.Bytes - CriticalReserve(total).Bytes;
        return new ByteSize(room > 0 ? room : 0);
    }

    private static ByteSize Reserve(ByteSize total, Ratio used, ByteSize enough)
    {
        if (total.Bytes <= 0) return ByteSize.Zero;
        // In 128 bits: a disk of 10^17 bytes times 10^4 basis points overflows a long.
        var byRatio = (long)((System.Int128)total.Bytes * (Ratio.BasisPointsPerOne - used.BasisPoints) / Ratio.BasisPointsPerOne);
        return new ByteSize(byRatio < enough.Bytes ? byRatio : enough.Bytes);
    }
}
