using System;
using Microsoft.AspNetCore.Http;

namespace RingRift.Adapters.Http;

/// <summary>
/// Authentication of mutating operator endpoints: a bearer token equal to the cluster secret
/// (compared in constant time, as the original's <c>Authorization: Bearer</c>), or a signed request.
/// </summary>
internal static class OperatorAuth
{
    /// <summary>Null when the request is authenticated, else why not.</summary>
    public static SignedRequest? Check(HttpRequest request, ReadOnlySpan<byte> body, HttpEndpointContext context)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.Length > 0)
        {
            const string scheme = "Bearer ";
            if (authorization.StartsWith(scheme, StringComparison.Ordinal) && context.Secret.Matches(authorization[scheme.Length..]))
                return null;
            return SignedRequest.Refuse(401, "bad bearer token");
        }
        if (request.Headers.ContainsKey(AuthHeaders.Signature))
        {
            var signed = context.Verifier.Verify(request, body);
            return signed.Passed ? null : signed;
        }
        return SignedRequest.Refuse(401, "authentication required (Authorization: Bearer or a signed request)");
    }
}
