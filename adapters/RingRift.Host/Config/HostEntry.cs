using System;
using RingRift.Kernel;

namespace RingRift.Host.Config;

/// <summary>One host of the cluster file: what it advertises, and where its node listens (null when the file does not say).</summary>
public sealed record HostEntry(NodeProfile Profile, Uri? Address);
