namespace RingRift.Kernel.Sync;

/// <summary>What <see cref="Manifest.TryApply"/> did with a delta. Only <see cref="Applied"/> changes anything.</summary>
public enum ManifestApplyResult : byte
{
    /// <summary>The delta continued this version; the result is one version newer.</summary>
    Applied = 0,

    /// <summary>The delta is older than this manifest (a duplicate or a late replay): ignore it.</summary>
    Stale = 1,

    /// <summary>Deltas are missing between this manifest and the one given: ask for the whole manifest.</summary>
    Gap = 2,

    /// <summary>Applying it would exceed <see cref="Manifest.EntriesMax"/>: the delta is refused whole.</summary>
    TooLarge = 3,
}
