using System.Linq;
using RingRift.Host.Driver;
using RingRift.Kernel.Node;
using Xunit;

namespace RingRift.Host.Tests;

/// <summary>The host runs the simulator's kernel: the same assembly, referenced, not a copy or a fork.</summary>
public sealed class KernelIdentityTests
{
    [Fact]
    public void HostAssembly_ReferencesTheKernelNodeAssemblyTheSimulatorUses()
    {
        var kernel = typeof(KernelNode).Assembly.GetName();
        var referenced = typeof(NodeDriver).Assembly.GetReferencedAssemblies().Single(a => a.Name == kernel.Name);

        Assert.Equal(kernel.FullName, referenced.FullName);
        Assert.Equal("RingRift.Kernel.Node", kernel.Name);
    }
}
