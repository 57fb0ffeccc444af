namespace RingRift.Kernel;

/// <summary>
/// How a machine changes durable state: <see cref="Save"/> issues the <see cref="Persist"/> at once,
/// so every message the machine then sends with <see cref="Outbox.SendWhenDurable"/> waits for it.
/// </summary>
public interface IDurableStore
{
    PersistentState Current { get; }

    void Save(PersistentState next);
}
