using System.IO;
using RingRift.Kernel;

namespace RingRift.Host.Resources;

/// <summary>The fraction of the data directory's drive in use, for the disk-filling alert; zero when unreadable.</summary>
internal static class DiskUsage
{
    public static Ratio UsedOf(string dataDir)
    {
        try
        {
            var drive = new DriveInfo(Path.GetFullPath(dataDir));
            return drive.TotalSize <= 0 ? Ratio.Zero : Ratio.Of(drive.TotalSize - drive.AvailableFreeSpace, drive.TotalSize);
        }
        catch (System.Exception e) when (e is IOException or System.ArgumentException or System.UnauthorizedAccessException)
        {
            return Ratio.Zero;
        }
    }
}
