namespace RingRift.Adapters.Security;

/// <summary>Node ids travel in headers and name files: 1 to 128 letters, digits, '-', '_' or '.', starting with a letter or digit.</summary>
public static class NodeIds
{
    public static bool IsValid(string id)
    {
        if (id.Length is 0 or > 128 || !char.IsAsciiLetterOrDigit(id[0])) return false;
        foreach (var c in id)
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.')) return false;
        return true;
    }
}
