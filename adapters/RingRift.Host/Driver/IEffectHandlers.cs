using RingRift.Kernel;

namespace RingRift.Host.Driver;

/// <summary>
/// Where the driver loop hands what the kernel asked for. Every member must return at once (queue
/// the work and do it elsewhere); completions come back through <see cref="NodeDriver.Complete"/>.
/// </summary>
public interface IEffectHandlers
{
    /// <summary>Sends one encoded message (the bytes are the callee's from now on).</summary>
    void Send(NodeId to, byte[] body, bool isResponse);

    void Persist(Persist persist);

    void Launch(Launch launch);

    void Terminate(Terminate terminate);

    /// <summary>Moves the kill deadline of the leased jobs; the process layer enforces it on its own timer.</summary>
    void ExtendJobLeases(ExtendJobLeases extend);

    void StartTransfer(StartTransfer start);

    void CancelTransfer(CancelTransfer cancel);

    void DeleteFile(DeleteFile delete);
}
