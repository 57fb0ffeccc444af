namespace RingRift.Kernel;

/// <summary>
/// A message that states its sender's incarnation. Such a message promises that incarnation is
/// durable, so kernels send it only once it is: through <see cref="Outbox.SendWhenDurable"/>, or, for a
/// machine that knows which persist made its incarnation durable, after checking
/// <see cref="Outbox.DurableVersion"/> (SWIM, whose probes are worth nothing late, skips rather than holds).
/// </summary>
public interface ICarriesIncarnation
{
    long Incarnation { get; }
}
