namespace RingRift.Adapters.Http;

/// <summary>The outcome of checking a signed request: the sender when it passed, else the status and reason to refuse with.</summary>
internal readonly record struct SignedRequest(string? Sender, int Status, string Reason)
{
    public bool Passed => Sender is not null;

    public static SignedRequest Refuse(int status, string reason) => new(null, status, reason);
}
