using System.Collections.Generic;
using System.Collections.Immutable;

namespace RingRift.Kernel.Sync;

public sealed partial class SyncMachine
{
    /// <summary>A whole-disk report: removals for what is gone, puts for what is listed (the delta log stays continuous).</summary>
    private void ReplaceAll(ImmutableArray<StoredFile> files)
    {
        FlushPending();
        var listed = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var file in files) listed.Add(file.Path);
        foreach (var entry in _own.Entries)
            if (!listed.Contains(entry.Path)) _pending.Add(ManifestChange.Remove(entry.Path));
        foreach (var file in files)
            if (!_own.TryGet(file.Path, out var held) || held != EntryOf(file)) _pending.Add(ManifestChange.Put(EntryOf(file)));
    }

    /// <summary>Pending changes become deltas of at most <see cref="ManifestDelta.ChangesMax"/> changes each, kept in the bounded log.</summary>
    private void FlushPending()
    {
        for (var start = 0; start < _pending.Count; start += ManifestDelta.ChangesMax)
        {
            var count = System.Math.Min(ManifestDelta.ChangesMax, _pending.Count - start);
            var delta = new ManifestDelta(_self, _own.Version, ImmutableArray.CreateRange(_pending.GetRange(start, count)));
            var result = _own.TryApply(delta, out var next);
            Invariant.True(result == ManifestApplyResult.Applied);
            _own = next;
            _log.Enqueue(delta);
            while (_log.Count > _config.DeltaLogMax) _log.Dequeue();
        }
        _pending.Clear();
    }

    /// <summary>
    /// The deltas after the leader's version when the log still has them all; otherwise (or when the
    /// leader's copy is of another history: same version, other digest) the whole manifest's pages.
    /// </summary>
    private void Answer(NodeId leader, ManifestRequest request)
    {
        if (request.After is null && CanContinue(request.KnownVersion))
        {
            foreach (var delta in _log)
                if (delta.BaseVersion >= request.KnownVersion) _outbox.Send(new Outbound(leader, new ManifestDeltaMessage(delta)));
            return;
        }
        var after = request.After;
        for (var i = 0; i < _config.PagesPerRequestMax; i++)
        {
            var page = ManifestPage.Of(_own, after);
            _outbox.Send(new Outbound(leader, new ManifestPageMessage(page)));
            if (page.Last || page.Entries.Length == 0) return;
            after = page.Entries[^1].Path;
        }
    }

    private bool CanContinue(long known) =>
        known < _own.Version && _log.Count > 0 && _log.Peek().BaseVersion <= known;
}
