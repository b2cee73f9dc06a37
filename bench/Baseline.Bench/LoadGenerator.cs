using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using HoanKiem.Load.Bench;
using HoanKiem.Submission.Corpus;

namespace HoanKiem.Baseline.Bench;

/// <summary>POSTs prepared articles, as fast as the workers go or paced (<see cref="Pacing"/>), and records what came back.</summary>
public sealed class LoadGenerator(Uri entries, int concurrency) : IDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler());

    /// <summary>Distinct ~10 KB Vietnamese-looking articles (1,400 words), as request bodies.</summary>
    public static byte[][] ArticleBodies(int count)
    {
        var seed = Random.Shared.Next(1, int.MaxValue / 2);
        var bodies = new byte[count][];
        Parallel.For(0, count, i => bodies[i] = JsonSerializer.SerializeToUtf8Bytes(
            new Article($"Gương người tốt việc tốt {seed + i}", SyllableText.Generate(seed + i, 1400), $"unit-{i % 35:D2}"),
            Articles.PortalJson));
        return bodies;
    }

    public async Task<Phase> SendAsync(IReadOnlyList<byte[]> bodies, double? ratePerSecond, CancellationToken cancellationToken)
    {
        var latency = new Latencies();
        var acceptedAt = new ConcurrentBag<long>();
        var statuses = new ConcurrentDictionary<HttpStatusCode, int>();
        var next = -1;
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, Pacing.Workers(concurrency, ratePerSecond)).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Count)
            {
                await Pacing.UntilDueAsync(i, ratePerSecond, start, cancellationToken);
                using var content = new ByteArrayContent(bodies[i]);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                var started = Stopwatch.GetTimestamp();
                using var response = await http.PostAsync(entries, content, cancellationToken);
                await response.Content.CopyToAsync(Stream.Null, cancellationToken);
                var finished = Stopwatch.GetTimestamp();
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    latency.Add(Stopwatch.GetElapsedTime(started, finished));
                    acceptedAt.Add(finished);
                }
                statuses.AddOrUpdate(response.StatusCode, 1, (_, n) => n + 1);
            }
        }, cancellationToken)));
        return new Phase(bodies.Count, Stopwatch.GetElapsedTime(start), latency, [.. acceptedAt.Order()], statuses);
    }

    public void Dispose() => http.Dispose();
}

/// <param name="AcceptedAt">When each <c>201</c> arrived (<see cref="Stopwatch"/> timestamps), in order.</param>
public sealed record Phase(int Sent, TimeSpan Elapsed, Latencies AcceptLatency, IReadOnlyList<long> AcceptedAt,
    IReadOnlyDictionary<HttpStatusCode, int> Statuses)
{
    /// <summary>Answered 201: the entry and its event are committed.</summary>
    public int Accepted => Statuses.GetValueOrDefault(HttpStatusCode.Created);
}
