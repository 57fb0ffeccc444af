using System.Text.RegularExpressions;

namespace RingRift.Report.Tests.Support;

/// <summary>The DOM a headless browser dumped after the report's scripts ran.</summary>
public sealed class RenderedPage(string dom)
{
    public string Dom { get; } = dom;

    /// <summary>What the page's error collector saw (script errors, console.error), or null if nothing.</summary>
    public string? JsErrors => Attribute("html", "data-js-errors");

    public string? BodyAttribute(string name) => Attribute("body", name);

    /// <summary>How many elements carry exactly this class.</summary>
    public int CountClass(string cssClass) => Regex.Matches(Dom, "class=\"" + Regex.Escape(cssClass) + "\"").Count;

    private string? Attribute(string tag, string name)
    {
        // Attribute values may hold '>' (a tooltip's "a -> b"), so match quoted values whole.
        var element = Regex.Match(Dom, "<" + tag + "((?:\\s+[\\w-]+(?:=\"[^\"]*\")?)*)\\s*>");
        if (!element.Success) return null;
        var attribute = Regex.Match(element.Groups[1].Value, "\\b" + Regex.Escape(name) + "=\"([^\"]*)\"");
        return attribute.Success ? System.Net.WebUtility.HtmlDecode(attribute.Groups[1].Value) : null;
    }
}
