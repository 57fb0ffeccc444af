namespace RingRift.Kernel.Sync;

/// <summary>Every message of the sync protocol (wire kinds 60–69), so a node routes them to its <see cref="SyncMachine"/> in one place.</summary>
public abstract record SyncMessage : Message;
