namespace RingRift.Kernel;

/// <summary>
/// A message that states its sender's incarnation. Such a message promises that incarnation is
/// durable, so kernels send it only through <see cref="Outbox.SendWhenDurable"/>.
/// </summary>
public interface ICarriesIncarnation
{
    long Incarnation { get; }
}
