using System.Collections.Generic;

namespace RingRift.Host.Config;

/// <summary>
/// Turns a kernel config's validation errors (each names its keys as <c>section.key</c>) into one
/// <see cref="ConfigException"/> at the line of the first key the first error names — or the section's
/// line when that key was left to its default — with every error in the message.
/// </summary>
internal static class SectionErrors
{
    public static void ThrowIfAny(string section, ConfigNode node, IReadOnlyDictionary<string, ConfigNode> keys, IReadOnlyList<string> errors)
    {
        if (errors.Count == 0) return;
        var at = node;
        var first = errors[0];
        var earliest = int.MaxValue;
        foreach (var (key, value) in keys)
        {
            var index = first.IndexOf(section + "." + key, System.StringComparison.Ordinal);
            if (index < 0 || index >= earliest || !NamesWholeKey(first, index + section.Length + 1 + key.Length)) continue;
            earliest = index;
            at = value;
        }
        throw at.Error(string.Join("; ", errors));
    }

    /// <summary>"scaling.cooldown" is not named by "scaling.cooldown_max": the key must end there.</summary>
    private static bool NamesWholeKey(string text, int end) => end >= text.Length || !(char.IsLetterOrDigit(text[end]) || text[end] == '_');
}
