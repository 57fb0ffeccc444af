using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;

namespace RingRift.Host.Tests.Support;

/// <summary>A real HTTP endpoint on loopback that records every JSON body POSTed to it and answers 204.</summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public WebhookReceiver()
    {
        Uri = new Uri($"http://127.0.0.1:{FreePorts.Take(1)[0]}/events/");
        _listener.Prefixes.Add(Uri.ToString());
        _listener.Start();
        _loop = Task.Run(ReceiveAsync);
    }

    public Uri Uri { get; }

    public ConcurrentQueue<JsonElement> Bodies { get; } = new();

    /// <summary>Every POST's exact bytes and its <c>X-RingRift-Signature</c> header (null when absent).</summary>
    public ConcurrentQueue<(byte[] Body, string? Signature)> Raw { get; } = new();

    public void Dispose()
    {
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(10));
    }

    private async Task ReceiveAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using (var buffer = new MemoryStream())
            {
                await context.Request.InputStream.CopyToAsync(buffer);
                var bytes = buffer.ToArray();
                Raw.Enqueue((bytes, context.Request.Headers["X-RingRift-Signature"]));
                Bodies.Enqueue(JsonDocument.Parse(bytes).RootElement.Clone());
            }
            context.Response.StatusCode = 204;
            context.Response.Close();
        }
    }
}
