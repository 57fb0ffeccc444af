using RingRift.Kernel;
using RingRift.Testing;

namespace RingRift.Simulator.Tests.Support;

/// <summary>The names <see cref="ScenarioBuilder.WithHosts"/> gives its hosts.</summary>
internal static class Nodes
{
    public static NodeId Gpu(int index, string provider = "lambda") =>
        ScenarioBuilder.Id(provider + "-gpu-" + index.ToString("00", System.Globalization.CultureInfo.InvariantCulture));
}
