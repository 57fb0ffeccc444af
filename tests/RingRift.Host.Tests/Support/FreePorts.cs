using System.Net;
using System.Net.Sockets;

namespace RingRift.Host.Tests.Support;

/// <summary>Ephemeral loopback ports, taken from the OS and released for a server to bind at once.</summary>
public static class FreePorts
{
    public static int[] Take(int count)
    {
        var listeners = new TcpListener[count];
        var ports = new int[count];
        for (var i = 0; i < count; i++)
        {
            listeners[i] = new TcpListener(IPAddress.Loopback, 0);
            listeners[i].Start();
            ports[i] = ((IPEndPoint)listeners[i].LocalEndpoint).Port;
        }
        foreach (var listener in listeners) listener.Stop();
        return ports;
    }
}
