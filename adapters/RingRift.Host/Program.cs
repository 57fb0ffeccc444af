using System;
using RingRift.Adapters.Sqlite;
using RingRift.Host;
using RingRift.Host.Config;

try
{
    var settings = SettingsBuilder.Build(HostArguments.Parse(args), Environment.GetEnvironmentVariable);
    var app = NodeApplication.Build(settings);
    app.Run();
    return 0;
}
catch (ConfigException e)
{
    Console.Error.WriteLine("ringrift-node: " + e.Message);
    return 2;
}
catch (StateStoreException e)
{
    Console.Error.WriteLine("ringrift-node: " + e.Message);
    return 3;
}
