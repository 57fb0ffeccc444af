using System.Collections.Generic;
using System.Globalization;
using RingRift.Kernel;
using YamlDotNet.RepresentationModel;

namespace RingRift.Host.Config;

/// <summary>
/// One YAML node with its name for messages and its file. Every typed read returns a value or throws
/// a <see cref="ConfigException"/> at the node's line saying what was expected.
/// </summary>
internal sealed class ConfigNode(YamlNode node, string label, string file, int? keyLine = null)
{
    public int Line => keyLine ?? (int)System.Math.Max(1, node.Start.Line);
    public string Label => label;

    /// <summary>The same node under another name, for messages.</summary>
    public ConfigNode Relabel(string newLabel) => new(node, newLabel, file, keyLine);

    public ConfigException Error(string problem) => ConfigException.At(file, Line, problem);

    public string Text()
    {
        if (node is YamlScalarNode { Value: { } text } && text.Trim().Length > 0 && text != "~" && text != "null") return text.Trim();
        throw Error($"{label} must be a value, got {Describe()}");
    }

    public int Int(int min, int max)
    {
        var text = Text();
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw Error($"{label} must be a whole number from {min} to {max}, got '{text}'");
        return value;
    }

    public bool Bool() => Text() switch
    {
        "true" => true,
        "false" => false,
        var other => throw Error($"{label} must be true or false, got '{other}'"),
    };

    public Duration Duration(bool allowZero = false)
    {
        var text = Text();
        if (!DurationText.TryParse(text, out var value) || value < Kernel.Duration.Zero || (!allowZero && value == Kernel.Duration.Zero))
            throw Error($"{label} must be a {(allowZero ? "" : "positive ")}duration such as 15s, 1m30s or 500ms, got '{text}'");
        return value;
    }

    /// <summary>A percentage such as 95% or 12.5%, from 0% to 100%, read exactly into basis points.</summary>
    public Ratio Percent()
    {
        var text = Text();
        if (text.EndsWith('%')
            && decimal.TryParse(text[..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent)
            && percent is >= 0 and <= 100 && decimal.Round(percent * 100) == percent * 100)
            return new Ratio((int)(percent * 100));
        throw Error($"{label} must be a percentage from 0% to 100% (at most two decimals) such as 95%, got '{text}'");
    }

    /// <summary>The entries of a mapping; with <paramref name="allowed"/>, any other key is an error at its line.</summary>
    public IReadOnlyList<(string Key, ConfigNode Value)> Entries(IReadOnlyCollection<string>? allowed = null)
    {
        if (node is not YamlMappingNode mapping) throw Error($"{label} must be a mapping of keys to values, got {Describe()}");
        var entries = new List<(string, ConfigNode)>();
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = new ConfigNode(keyNode, "a key in " + label, file).Text();
            var keyLineHere = (int)System.Math.Max(1, keyNode.Start.Line);
            if (allowed is not null && !Contains(allowed, key))
                throw ConfigException.At(file, keyLineHere, $"unknown key '{key}' in {label}; allowed: {string.Join(", ", allowed)}");
            entries.Add((key, new ConfigNode(valueNode, $"'{key}'", file, keyLineHere)));
        }
        return entries;
    }

    public IReadOnlyList<ConfigNode> Items()
    {
        if (node is not YamlSequenceNode sequence) throw Error($"{label} must be a list, got {Describe()}");
        var items = new List<ConfigNode>();
        foreach (var child in sequence.Children) items.Add(new ConfigNode(child, "an entry of " + label, file));
        return items;
    }

    public bool IsSequence => node is YamlSequenceNode;

    private static bool Contains(IReadOnlyCollection<string> allowed, string key)
    {
        foreach (var item in allowed)
            if (item == key) return true;
        return false;
    }

    private string Describe() => node switch
    {
        YamlScalarNode { Value: { } text } when text.Length > 0 => $"'{text}'",
        YamlScalarNode => "nothing",
        YamlSequenceNode => "a list",
        _ => "a mapping",
    };
}
