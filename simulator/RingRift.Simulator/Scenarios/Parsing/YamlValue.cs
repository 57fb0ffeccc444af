using System.Collections.Generic;
using System.Globalization;
using RingRift.Kernel;
using YamlDotNet.RepresentationModel;

namespace RingRift.Simulator.Scenarios.Parsing;

/// <summary>
/// One YAML node with the name it goes by in messages ("'duration'", "a timeline entry") and the
/// file it came from. Every typed read either returns a value or throws a
/// <see cref="ScenarioException"/> at the value's line naming what was expected. The value of a
/// mapping entry takes its key's line, which is where a block mapping or list below it is named.
/// </summary>
internal sealed class YamlValue(YamlNode node, string label, string sourceName, int? keyLine = null)
{
    public string Label => label;
    public string SourceName => sourceName;
    public int Line => keyLine ?? YamlLoader.LineOf(node.Start);

    public ScenarioException Error(string problem) => new(sourceName, Line, problem);

    /// <summary>The scalar's text; an empty value, <c>~</c> or <c>null</c> counts as missing.</summary>
    public string Scalar(string expected)
    {
        if (node is YamlScalarNode { Value: { } text } scalar && !IsNull(scalar, text)) return text;
        throw Error($"{label} must be {expected}, got {Describe()}");
    }

    public string Text() => Scalar("a text").Trim();

    public long Integer(long min, long max)
    {
        var text = Scalar("a whole number");
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            throw Error($"{label} must be a whole number, got '{text}'");
        if (value < min || value > max)
            throw Error($"{label} must be between {min} and {max}, got {value}");
        return value;
    }

    public int Int(int min, int max) => (int)Integer(min, max);

    public ulong UInt64()
    {
        var text = Scalar("a whole number");
        if (!ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            throw Error($"{label} must be a whole number from 0 to {ulong.MaxValue}, got '{text}'");
        return value;
    }

    public bool Bool()
    {
        var text = Scalar("true or false");
        return text switch
        {
            "true" => true,
            "false" => false,
            _ => throw Error($"{label} must be true or false, got '{text}'"),
        };
    }

    /// <summary>A duration of zero or more; with <paramref name="allowNegative"/>, also below zero.</summary>
    public Duration Duration(bool allowNegative = false)
    {
        var text = Scalar("a duration such as 90s or 1h30m");
        if (!DurationText.TryParse(text, allowNegative, out var value, out var problem))
            throw Error($"{label}: {problem}");
        return value;
    }

    public Duration PositiveDuration()
    {
        var value = Duration();
        if (value <= Kernel.Duration.Zero) throw Error($"{label} must be longer than 0s");
        return value;
    }

    public Ratio Ratio(Ratio max)
    {
        var text = Scalar("a percentage such as 0.1%");
        if (!RatioText.TryParse(text, out var value, out var problem))
            throw Error($"{label}: {problem}");
        if (value > max) throw Error($"{label} must be at most {max}, got {value}");
        return value;
    }

    /// <summary>A probability: a ratio from 0% to 100%.</summary>
    public Ratio Probability() => Ratio(Kernel.Ratio.One);

    public T Word<T>(WordTable<T> words)
    {
        var text = Scalar("one of " + words.Listing);
        if (words.TryGet(text, out var value)) return value;
        throw Error($"{label} must be one of {words.Listing}, got '{text}'{Spelling.Hint(text, words.Words)}");
    }

    /// <summary>A mapping whose keys must all be in <paramref name="allowed"/>.</summary>
    public MapReader Map(string context, IReadOnlyList<string> allowed)
    {
        var map = OpenMap(context);
        map.Allow(allowed);
        return map;
    }

    /// <summary>True when the value is a mapping (rather than a scalar or a list).</summary>
    public bool IsMapping => node is YamlMappingNode;

    /// <summary>A mapping whose allowed keys the caller decides after looking at them.</summary>
    public MapReader OpenMap(string context) =>
        node is YamlMappingNode mapping
            ? new MapReader(this, mapping, context)
            : throw Error($"{label} must be a mapping of keys to values, got {Describe()}");

    /// <summary>The entries of a list, each labelled "an entry of {label}".</summary>
    public IReadOnlyList<YamlValue> Items()
    {
        if (node is not YamlSequenceNode sequence)
            throw Error($"{label} must be a list, got {Describe()}");
        var items = new List<YamlValue>(sequence.Children.Count);
        foreach (var child in sequence.Children)
            items.Add(new YamlValue(child, "an entry of " + label, sourceName));
        return items;
    }

    private string Describe() => node switch
    {
        YamlScalarNode { Value: { } text } scalar when !IsNull(scalar, text) => $"'{text}'",
        YamlScalarNode => "nothing",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "something else",
    };

    private static bool IsNull(YamlScalarNode scalar, string text) =>
        scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && text is "" or "~" or "null";
}
