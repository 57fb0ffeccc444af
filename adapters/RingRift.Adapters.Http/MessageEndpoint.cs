using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using RingRift.Kernel;
using RingRift.Kernel.Node;

namespace RingRift.Adapters.Http;

/// <summary>
/// POST /kernel/message and POST /gossip: the inter-node transport. The body is one message in the
/// kernel's wire codec; the request must be signed (<see cref="AuthHeaders"/>). Accepted messages are
/// posted to the driver loop (202); /gossip takes gossip messages only.
/// </summary>
internal sealed class MessageEndpoint(HttpEndpointContext context, bool gossipOnly)
{
    public async Task Handle(HttpContext http)
    {
        var body = await BoundedBody.ReadAsync(http.Request, MessageCodec.MaxMessageBytes).ConfigureAwait(false);
        if (body is null)
        {
            await Refuse(http, 413, "body exceeds " + MessageCodec.MaxMessageBytes + " bytes", "oversized").ConfigureAwait(false);
            return;
        }
        var signed = context.Verifier.Verify(http.Request, body);
        if (!signed.Passed)
        {
            await Refuse(http, signed.Status, signed.Reason, "auth").ConfigureAwait(false);
            return;
        }
        if (!MessageCodec.TryDecode(body, out var message, out var error))
        {
            await Refuse(http, 400, "malformed message: " + error, "malformed").ConfigureAwait(false);
            return;
        }
        if (gossipOnly && message!.Kind is not (MessageKind.GossipDigest or MessageKind.GossipDelta))
        {
            await Refuse(http, 400, "/gossip takes gossip messages only, got " + message.Kind, "wrong_kind").ConfigureAwait(false);
            return;
        }
        if (!context.Gateway.TryDeliver(new NodeId(signed.Sender!), message!, SignedRequestVerifier.IsResponse(http.Request)))
        {
            await Refuse(http, 503, "inbox full", "inbox_full").ConfigureAwait(false);
            return;
        }
        context.Counters.OnAccepted();
        http.Response.StatusCode = 202;
    }

    private Task Refuse(HttpContext http, int status, string error, string reason)
    {
        context.Counters.OnRejected(reason);
        return JsonResponses.Error(http, status, error);
    }
}
