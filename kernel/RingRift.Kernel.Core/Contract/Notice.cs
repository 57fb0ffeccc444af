namespace RingRift.Kernel;

/// <summary>
/// A structured fact for logs, metrics and checkers (leader changed, member state changed, job
/// placed …). Notices never drive behaviour; removing every consumer changes no decision.
/// </summary>
public abstract record Notice
{
    /// <summary>Stable snake_case name, e.g. "member_state_changed".</summary>
    public abstract string Name { get; }

    /// <summary>Canonical one-line description of the fields, used by traces and logs.</summary>
    public abstract string Describe();
}
