using System;
using RingRift.Kernel;

namespace RingRift.Host.Config;

/// <summary>
/// One host of the cluster file: what it advertises, where its node's HTTP API listens, and the UDP
/// port of its SWIM datagrams (null when the file does not say).
/// </summary>
public sealed record HostEntry(NodeProfile Profile, Uri? Address, int? UdpPort = null);
