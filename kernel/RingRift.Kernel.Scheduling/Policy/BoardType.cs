namespace RingRift.Kernel.Scheduling;

/// <summary>
/// The four board types of the game. <see cref="Square19"/> and <see cref="Hexagonal"/> are the large
/// boards (longer games, larger models, longer training caps). The numeric values are the order of
/// <see cref="SelfplayConfig.All"/> and never change.
/// </summary>
public enum BoardType : byte
{
    Square8 = 0,
    Square19 = 1,
    Hex8 = 2,
    Hexagonal = 3,
}
