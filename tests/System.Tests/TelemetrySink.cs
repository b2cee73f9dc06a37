using System.Collections.Concurrent;
using System.IO.Compression;
using HoanKiem.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HoanKiem.SystemTests;

/// <summary>
/// Stands in for the dashboard's OTLP/HTTP intake: the app host points every service's exporter here, and each export's
/// bytes (protobuf, whose strings are plain UTF-8) are kept, so a test can search everything that left the processes as
/// traces, logs and metrics.
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

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        var body = request.Headers.ContentEncoding == "gzip" ? new GZipStream(request.Body, CompressionMode.Decompress) : request.Body;
        using var copy = new MemoryStream();
        await body.CopyToAsync(copy);
        exports.Enqueue(copy.ToArray());
        // An empty protobuf message is a complete Export*ServiceResponse: everything accepted.
        return Results.Bytes([], "application/x-protobuf");
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
