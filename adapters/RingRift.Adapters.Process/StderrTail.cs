using System.Text;

namespace RingRift.Adapters.Process;

/// <summary>The last few kilobytes a process wrote to stderr, for its exit report. Thread-safe.</summary>
internal sealed class StderrTail(int maxChars)
{
    private readonly StringBuilder _text = new();

    public void Append(string? line)
    {
        if (line is null) return;
        lock (_text)
        {
            _text.Append(line).Append('\n');
            if (_text.Length > maxChars) _text.Remove(0, _text.Length - maxChars);
        }
    }

    public override string ToString()
    {
        lock (_text) return _text.ToString();
    }
}
