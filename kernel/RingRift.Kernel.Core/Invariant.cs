using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace RingRift.Kernel;

/// <summary>
/// Always-on assertions. A false invariant is a bug in this code, never an expected condition:
/// expected conditions (peer unreachable, disk full, stale message) arrive as inputs and are handled.
/// </summary>
public static class Invariant
{
    public static void True(
        [DoesNotReturnIf(false)] bool condition,
        [CallerArgumentExpression(nameof(condition))] string expression = "",
        [CallerFilePath] string file = "",
        [CallerLineNumber] int line = 0)
    {
        if (!condition) Fail(expression, file, line);
    }

    [DoesNotReturn]
    private static void Fail(string expression, string file, int line) =>
        throw new InvariantViolationException(
            "invariant violated: " + expression + " at " + System.IO.Path.GetFileName(file) + ":" +
            line.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
