using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using RingRift.Adapters.Http.Json;

namespace RingRift.Adapters.Http;

/// <summary>Writes JSON answers, and the JSON error every refused request gets.</summary>
internal static class JsonResponses
{
    public static Task Write<T>(HttpContext context, int status, T body, JsonTypeInfo<T> type)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, body, type, context.RequestAborted);
    }

    public static Task Error(HttpContext context, int status, string error) =>
        Write(context, status, new ErrorBody(error, status), HttpJsonContext.Default.ErrorBody);
}
