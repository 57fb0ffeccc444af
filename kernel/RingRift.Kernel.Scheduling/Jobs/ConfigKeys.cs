namespace RingRift.Kernel.Scheduling.Jobs;

/// <summary>
/// The job book's view of the policy's <see cref="SelfplayConfig"/> table: configs are indexed in
/// <see cref="SelfplayConfig.All"/> order (the pipeline snapshot's order) and travel as their keys.
/// </summary>
public static class ConfigKeys
{
    public static int Count => SelfplayConfig.Count;

    public static string Key(int index) => SelfplayConfig.All[index].Key;

    /// <summary>The config's index, or −1 for a key outside the table.</summary>
    public static int IndexOf(string key) => SelfplayConfig.TryParse(key, out var config) ? config.Index : -1;

    /// <summary>square19 and hexagonal.</summary>
    public static bool IsLargeBoard(int index) => index >= 0 && SelfplayConfig.All[index].IsLargeBoard;
}
