using System.Collections.Generic;
using System.Collections.Immutable;
using RingRift.Kernel;

namespace RingRift.Adapters.Process;

/// <summary>
/// The command each kind of job runs, as an argument vector (no shell) whose items may contain
/// <c>{job_id}</c>, <c>{config}</c>, <c>{gpus}</c> (the job's GPU count), <c>{gpu}</c> (the index of the GPU
/// the job runs on, <see cref="GpuAssigner"/>; empty on a host without GPUs) and <c>{node_id}</c>, replaced at launch.
/// </summary>
public sealed class JobCommandTemplates(ImmutableDictionary<JobKind, ImmutableArray<string>> templates)
{
    public static readonly JobCommandTemplates None = new(ImmutableDictionary<JobKind, ImmutableArray<string>>.Empty);

    public IReadOnlyDictionary<JobKind, ImmutableArray<string>> All => templates;

    /// <summary>The argument vector for <paramref name="job"/> on GPU <paramref name="gpu"/>, or null when its kind has no template.</summary>
    public ImmutableArray<string>? Render(JobSpec job, string nodeId, int? gpu = null)
    {
        var device = gpu?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
        if (!templates.TryGetValue(job.Kind, out var template) || template.IsDefaultOrEmpty) return null;
        var argv = ImmutableArray.CreateBuilder<string>(template.Length);
        foreach (var item in template)
        {
            argv.Add(item
                .Replace("{job_id}", job.Id.Value, System.StringComparison.Ordinal)
                .Replace("{config}", job.Config, System.StringComparison.Ordinal)
                .Replace("{gpus}", job.Gpus.ToString(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal)
                .Replace("{gpu}", device, System.StringComparison.Ordinal)
                .Replace("{node_id}", nodeId, System.StringComparison.Ordinal));
        }
        return argv.MoveToImmutable();
    }
}
