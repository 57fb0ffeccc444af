using System.Collections.Immutable;

namespace RingRift.Host.Config;

/// <summary>
/// The auto-scaler's provider commands from the cluster file's <c>scaling</c> section, as argument lists
/// with placeholders (<see cref="ProviderCommands"/> expands them): provision gets <c>{count}</c>,
/// <c>{profile}</c> and <c>{effect_id}</c>, terminate <c>{node_id}</c> and <c>{effect_id}</c>.
/// </summary>
public sealed record ProviderTemplates(ImmutableArray<string> Provision, ImmutableArray<string> Terminate)
{
    public static readonly ImmutableArray<string> ProvisionPlaceholders = ["{count}", "{profile}", "{effect_id}"];
    public static readonly ImmutableArray<string> TerminatePlaceholders = ["{node_id}", "{effect_id}"];
}
