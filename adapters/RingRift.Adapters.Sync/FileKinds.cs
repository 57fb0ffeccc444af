using System;

namespace RingRift.Adapters.Sync;

/// <summary>
/// What a data-directory file is, by location and extension, named as the kernel's FileKind: game
/// databases (<c>*.db</c>), training exports (<c>*.npz</c>), model checkpoints (<c>*.pth</c>, <c>*.pt</c>,
/// <c>*.onnx</c>, <c>*.safetensors</c>, or anything under <c>models/</c>); everything else is "other".
/// </summary>
public static class FileKinds
{
    public static string Of(string relative)
    {
        if (relative.StartsWith("models/", StringComparison.Ordinal) || HasExtension(relative, ".pth", ".pt", ".onnx", ".safetensors"))
            return "model";
        if (HasExtension(relative, ".npz")) return "training_npz";
        if (HasExtension(relative, ".db")) return "game_db";
        return "other";
    }

    private static bool HasExtension(string path, params string[] extensions)
    {
        foreach (var extension in extensions)
            if (path.EndsWith(extension, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
