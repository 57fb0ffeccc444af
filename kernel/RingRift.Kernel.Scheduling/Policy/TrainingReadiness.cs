namespace RingRift.Kernel.Scheduling;

/// <summary>Whether a config should train now, and if not, the first reason why not.</summary>
public enum TrainingReadiness : byte
{
    Ready = 0,
    /// <summary>A training of this config is already queued or running.</summary>
    InFlight = 1,
    /// <summary>Fewer games in total than the minimum for the cluster's size.</summary>
    TooFewGames = 2,
    /// <summary>Trained before, and fewer new games since than the increment for the cluster's size.</summary>
    TooFewNewGames = 3,
    /// <summary>The last training of this config is more recent than the cooldown.</summary>
    CoolingDown = 4,
}
