using System;
using RingRift.Adapters.Sqlite;
using RingRift.Kernel;

// Writes kernel states with increasing versions as fast as it can, printing "acked N" after each
// write returns (durable), until killed. The crash-safety test kills it with SIGKILL mid-write.
var store = SqliteStateStore.Open(args[0], "crash");
var version = store.LoadKernelState().Version;
Console.Out.WriteLine("ready " + version);
Console.Out.Flush();
while (true)
{
    version++;
    var state = new PersistentState(version, version / 7) { Election = new ElectionDurable(version, version / 2, new NodeId("voter-" + version % 5)) };
    store.SaveKernelState(state);
    store.RecordMetric("crash_writer", version);
    Console.Out.WriteLine("acked " + version);
    Console.Out.Flush();
}
