using System;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using RingRift.Kernel;
using RingRift.Kernel.Node;

namespace RingRift.Simulator.Engine;

/// <summary>
/// The canonical event trace, folded into XxHash64 as it happens: each send with a digest of the
/// message's canonical bytes, each delivery, boot, crash and notice. Optional text lines go to a sink
/// for <c>--trace</c>. Same scenario and seed, same hash, in any process.
/// Records are gathered in a buffer and hashed a few kilobytes at a time: XxHash64 of a byte stream
/// does not depend on how the stream is split between appends, and one append per 25-byte record
/// cost more than the record itself.
/// </summary>
internal sealed class TraceRecorder(Action<string>? lines)
{
    private const int RecordBytes = 25;
    private const int PendingBytesMax = 4096;
    private readonly XxHash64 _hash = new();
    private readonly WireWriter _writer = new(512);
    private readonly byte[] _pending = new byte[PendingBytesMax];
    private int _pendingLength;
    private Message? _lastMessage;
    private ulong _lastDigest;

    public ulong Hash
    {
        get
        {
            FlushPending();
            return _hash.GetCurrentHashAsUInt64();
        }
    }

    public void Send(long now, int from, int to, Message message) =>
        Record(now, 1, from, to, Digest(message));

    public void Deliver(long now, SimNode to, int from, string fromName, Message message)
    {
        Record(now, 2, to.Index, from, (ulong)message.Kind);
        lines?.Invoke(Stamp(now) + " deliver " + to.Id + " <- " + fromName + " " + message.Kind);
    }

    public void Notice(long now, SimNode node, Notice notice)
    {
        Record(now, 3, node.Index, 0, StableHash.Of(notice.Name));
        var text = notice.Describe();
        Append(MemoryMarshal.AsBytes(text.AsSpan()));
        lines?.Invoke(Stamp(now) + " " + node.Id + " " + notice.Name + " " + text);
    }

    /// <summary>A world event (boot, crash, fault, command) with its canonical description.</summary>
    public void World(long now, int node, string description)
    {
        Record(now, 4, node, 0, StableHash.Of(description));
        lines?.Invoke(Stamp(now) + " " + description);
    }

    private void Record(long now, byte kind, int a, int b, ulong detail)
    {
        if (_pendingLength + RecordBytes > _pending.Length) FlushPending();
        var record = _pending.AsSpan(_pendingLength, RecordBytes);
        BinaryPrimitives.WriteInt64LittleEndian(record, now);
        record[8] = kind;
        BinaryPrimitives.WriteInt32LittleEndian(record[9..], a);
        BinaryPrimitives.WriteInt32LittleEndian(record[13..], b);
        BinaryPrimitives.WriteUInt64LittleEndian(record[17..], detail);
        _pendingLength += RecordBytes;
    }

    /// <summary>Adds <paramref name="bytes"/> to the hashed stream after everything recorded so far.</summary>
    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (_pendingLength + bytes.Length > _pending.Length) FlushPending();
        if (bytes.Length > _pending.Length)
        {
            _hash.Append(bytes);
            return;
        }
        bytes.CopyTo(_pending.AsSpan(_pendingLength));
        _pendingLength += bytes.Length;
    }

    private void FlushPending()
    {
        _hash.Append(_pending.AsSpan(0, _pendingLength));
        _pendingLength = 0;
    }

    /// <summary>A sender hands one message object to many peers in a row, so the last digest is cached.</summary>
    private ulong Digest(Message message)
    {
        if (ReferenceEquals(message, _lastMessage)) return _lastDigest;
        _writer.Reset();
        MessageCodec.Encode(message, _writer);
        _lastMessage = message;
        _lastDigest = XxHash64.HashToUInt64(_writer.Written);
        return _lastDigest;
    }

    private static string Stamp(long now) => TimeText.Of(now);
}
