using System.Globalization;

namespace RingRift.Kernel.Sync;

/// <summary>Where a trained model lives in a data directory: "models/{config}/g{generation}.pth", one file per generation.</summary>
public static class ModelPaths
{
    public static string Of(string config, long generation)
    {
        Invariant.True(generation > 0);
        return "models/" + config + "/g" + generation.ToString(CultureInfo.InvariantCulture) + ".pth";
    }
}
