using RingRift.Adapters.Http;
using RingRift.Adapters.Process;
using RingRift.Adapters.Sqlite;
using RingRift.Host.Driver;
using RingRift.Kernel;

namespace RingRift.Host;

/// <summary>Hands each kind of effect to its adapter: messages to HTTP, persists to SQLite, jobs to processes.</summary>
internal sealed class EffectRouter(HttpMessageSender sender, PersistWriter persist, ProcessJobRunner processes) : IEffectHandlers
{
    public void Send(NodeId to, byte[] body, bool isResponse) => sender.Send(to, body, isResponse);

    public void Persist(Persist effect) => persist.Enqueue(effect);

    public void Launch(Launch effect) => processes.Launch(effect);

    public void Terminate(Terminate effect) => processes.Terminate(effect);
}
