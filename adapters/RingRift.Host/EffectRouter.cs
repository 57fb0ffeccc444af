using System.Collections.Immutable;
using System.Net;
using RingRift.Adapters.Http;
using RingRift.Adapters.Process;
using RingRift.Adapters.Sqlite;
using RingRift.Adapters.Sync;
using RingRift.Adapters.Udp;
using RingRift.Host.Driver;
using RingRift.Kernel;

namespace RingRift.Host;

/// <summary>
/// Hands each kind of effect to its adapter: persists to SQLite, jobs to processes, transfers and
/// cleanup deletions to the sync adapter, messages to UDP
/// (SWIM messages to peers that take datagrams, when they fit in one) or else HTTP.
/// </summary>
internal sealed class EffectRouter(
    HttpMessageSender http,
    UdpTransport? udp,
    ImmutableDictionary<NodeId, IPEndPoint> udpPeers,
    PersistWriter persist,
    ProcessJobRunner processes,
    TransferExecutor transfers,
    FileDeleter deleter) : IEffectHandlers
{
    public void Send(NodeId to, byte[] body, bool isResponse)
    {
        if (udp is not null && IsSwim(body) && udpPeers.TryGetValue(to, out var endpoint) && udp.TrySend(endpoint, body, isResponse)) return;
        http.Send(to, body, isResponse);
    }

    public void Persist(Persist effect) => persist.Enqueue(effect);

    public void Launch(Launch effect) => processes.Launch(effect);

    public void Terminate(Terminate effect) => processes.Terminate(effect);

    public void ExtendJobLeases(ExtendJobLeases effect) => processes.ExtendLeases(effect);

    public void StartTransfer(StartTransfer effect) => transfers.Start(effect);

    public void CancelTransfer(CancelTransfer effect) => transfers.Cancel(effect);

    public void DeleteFile(DeleteFile effect) => deleter.Delete(effect);

    /// <summary>The first byte of an encoded message is its kind; SWIM's are 30–39.</summary>
    private static bool IsSwim(byte[] body) => body.Length > 0 && body[0] is >= (byte)MessageKind.SwimPing and < 40;
}
