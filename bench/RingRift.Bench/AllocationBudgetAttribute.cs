using System;

namespace RingRift.Bench;

/// <summary>
/// The most bytes one operation of a benchmark may allocate, checked by <c>--check-budgets</c>.
/// A budget is a measured figure plus small headroom, and <see cref="Why"/> says what the bytes
/// are, so a budget above zero is a stated cost, not a tolerated leak. Every benchmark has one.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class AllocationBudgetAttribute(long bytesPerOperation, string why = "allocation-free") : Attribute
{
    public long BytesPerOperation { get; } = bytesPerOperation;
    public string Why { get; } = why;
}
