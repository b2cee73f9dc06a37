using System.Collections.Concurrent;
using System.IO.Compression;
using HoanKiem.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HoanKiem.SystemTests;

/// <summary>
/// Stands in for the dashboard's OTLP/HTTP intake: the app host points every service's exporter here, and each trace and
/// log export's bytes (protobuf, whose strings are plain UTF-8) are kept, so a test can search everything that left the
/// processes. Metrics, a reading a second from every process for the whole run, are taken and not kept: their tags are
/// route templates, message types and outcome codes.
/// </summary>
public sealed class TelemetrySink : IAsyncDisposable
{
    private readonly ConcurrentQueue<byte[]> exports = new();
    private readonly WebApplication app;

    private TelemetrySink(Uri address)
    {
        Address = address;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(address.ToString());
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapPost("/v1/{signal}", ReceiveAsync);
    }

    public Uri Address { get; }

    public static async Task<TelemetrySink> StartAsync()
    {
        var sink = new TelemetrySink(new Uri($"http://127.0.0.1:{LocalRabbitMq.FreePort()}"));
        await sink.app.StartAsync();
        return sink;
    }

    public bool Contains(string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        return exports.Any(export => export.AsSpan().IndexOf(bytes) >= 0);
    }

    /// <summary>
    /// True once a span of <paramref name="traceId"/> named <paramref name="name"/> was exported. OTLP's protobuf writes
    /// a span's trace id (field 1), its span ids and then its name (field 5) as tag, length and bytes, so the name whole
    /// follows the trace id within the span's first bytes.
    /// </summary>
    public bool HasSpan(System.Diagnostics.ActivityTraceId traceId, string name)
    {
        var id = new byte[16];
        traceId.CopyTo(id);
        byte[] traceIdField = [0x0A, 16, .. id];
        var nameBytes = System.Text.Encoding.UTF8.GetBytes(name);
        byte[] nameField = [0x2A, (byte)nameBytes.Length, .. nameBytes];
        foreach (var export in exports)
        {
            var rest = export.AsSpan();
            for (var at = rest.IndexOf(traceIdField); at >= 0; at = rest.IndexOf(traceIdField))
            {
                var span = rest.Slice(at, Math.Min(96 + nameField.Length, rest.Length - at));
                if (span.IndexOf(nameField) >= 0)
                {
                    return true;
                }
                rest = rest[(at + traceIdField.Length)..];
            }
        }
        return false;
    }

    private async Task<IResult> ReceiveAsync(string signal, HttpRequest request)
    {
        if (signal is not ("traces" or "logs"))
        {
            return Accepted();
        }
        var body = request.Headers.ContentEncoding == "gzip" ? new GZipStream(request.Body, CompressionMode.Decompress) : request.Body;
        using var copy = new MemoryStream();
        await body.CopyToAsync(copy);
        exports.Enqueue(copy.ToArray());
        return Accepted();
    }

    /// <summary>An empty protobuf message is a complete Export*ServiceResponse: everything accepted.</summary>
    private static IResult Accepted() => Results.Bytes([], "application/x-protobuf");

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
