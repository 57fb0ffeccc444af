using System.Threading.Tasks;
using RingRift.Kernel;

namespace RingRift.Host.Driver;

/// <summary>A command from the API; the loop assigns its request id and completes <see cref="Reply"/> with the kernel's answer.</summary>
internal sealed record SubmitEvent(Command Command, TaskCompletionSource<Reply> Reply) : HostEvent;
