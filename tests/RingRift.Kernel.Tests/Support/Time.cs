namespace RingRift.Kernel.Tests.Support;

/// <summary>Readable instants on a test's clock, which starts at <see cref="Instant.Zero"/>.</summary>
internal static class Time
{
    public static readonly Duration Micro = Duration.FromMicros(1);

    public static Instant At(long seconds) => Instant.Zero + Duration.FromSeconds(seconds);
}
