using System.Diagnostics;
using HoanKiem.Contracts;
using HoanKiem.ServiceDefaults;
using HoanKiem.ServiceDefaults.Data;
using HoanKiem.ServiceDefaults.Messaging;
using HoanKiem.ServiceDefaults.Outbox;
using HoanKiem.Submission.Corpus;
using HoanKiem.Submission.Data;
using HoanKiem.TestSupport;
using MassTransit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spectre.Console;

// The outbox relay's confirmed messages per second: the real OutboxRelay<SubmissionDbContext>, wired as the submission
// service wires it, on a real SQLite file and a private RabbitMQ. N EntryTextSubmitted rows (1,300–1,500-word Vietnamese
// articles, stored as UTF-8 JSON as the services store them) are stored before the relay starts; the clock
// runs until every row has SentAt, which the relay sets only after the broker's publisher confirm. Once with no queue
// bound (the broker confirms and drops), once with queues bound and consumed (an event several services take is copied to
// each service's queue). Prints, asserts nothing.
// Usage: dotnet run -c Release --project bench/Outbox.Bench -- [--messages 20000] [--fanout 3] [--batch-size N]
var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
for (var i = 0; i + 1 < args.Length; i += 2)
{
    values[args[i].TrimStart('-')] = args[i + 1];
}
var messages = values.TryGetValue("messages", out var m) ? int.Parse(m) : 20_000;
var fanout = values.TryGetValue("fanout", out var f) ? int.Parse(f) : 3;
int? batchSize = values.TryGetValue("batch-size", out var b) ? int.Parse(b) : null;

AnsiConsole.MarkupLine($"[bold]Outbox relay bench[/], {Environment.ProcessorCount} cores, {DateTime.UtcNow:u}, load average {LoadAverage()}");
var articles = Enumerable.Range(0, Math.Min(messages, 500)).Select(i => ArticleCorpus.Generate(i)).ToArray();

await using var broker = await RabbitMqBroker.StartAsync();
var results = new List<Result> { await RunAsync("no queue bound", consumers: 0) };
if (fanout > 0)
{
    results.Add(await RunAsync($"{fanout} queues bound and consumed", fanout));
}

var table = new Table().AddColumn("figure");
foreach (var result in results)
{
    table.AddColumn(result.Scenario);
}
void Row(string figure, Func<Result, string> value) => table.AddRow([figure, .. results.Select(value)]);
Row("rows × payload", r => $"{r.Rows:N0} × {r.PayloadBytes / 1024.0:F1} KB");
Row("elapsed (host start → all sent)", r => $"{r.Elapsed.TotalSeconds:F2} s");
Row("confirmed messages/s", r => $"{r.Rows / r.Elapsed.TotalSeconds:N0}/s");
Row("steady (first → last batch marked)", r => $"{r.SteadyPerSecond:N0}/s");
Row("CPU per message: this process / broker", r => $"{r.OwnCpuPerMessage.TotalMicroseconds:N0} / {r.BrokerCpuPerMessage.TotalMicroseconds:N0} µs");
Row($"CPU-bound rate on {Environment.ProcessorCount} idle cores", r => $"{r.CpuBoundPerSecond:N0}/s");
Row("consumed per queue", r => r.Consumed.Length > 0 ? r.Consumed : "-");
AnsiConsole.Write(table);
AnsiConsole.MarkupLine($"Relay settings: {Markup.Escape(results[0].Settings)}. Load average at the end {LoadAverage()}.");
AnsiConsole.MarkupLine("elapsed: host start (bus connect included) → every row sent; steady: first → last batch marked sent, first batch left out.");
AnsiConsole.MarkupLine("CPU from the first batch marked on; this process is the relay, plus the consumers when queues are bound. CPU-bound rate: " +
    "cores ÷ (this process + broker) CPU per message, what these two alone could reach with every core to themselves.");

async Task<Result> RunAsync(string scenario, int consumers)
{
    var databasePath = Path.Combine(Path.GetTempPath(), "hoankiem-bench", $"outbox-{Guid.NewGuid():N}.db");
    Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
    var consumed = new long[consumers];
    var consumerBus = consumers > 0 ? await StartConsumersAsync(consumed) : null;
    using var host = BuildRelayHost(databasePath);
    var settings = host.Services.GetRequiredService<IOptions<OutboxOptions>>().Value;
    try
    {
        var payload = await FillAsync(host.Services, scenario);
        var clock = Stopwatch.StartNew();
        await host.StartAsync();
        ((TimeSpan Own, TimeSpan Broker) Cpu, double Sent)? cpuWindow = null;
        await AnsiConsole.Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask($"{Markup.Escape(scenario)}: confirmed", maxValue: messages);
            while (task.Value < messages)
            {
                await Task.Delay(200);
                var sent = await WithDbAsync(host.Services, db => db.OutboxMessages.CountAsync(r => r.SentAt != null));
                // CPU is counted from the first batch marked sent on, so the start (bus connect, JIT) stays out of it.
                if (sent > 0 && cpuWindow is null)
                {
                    cpuWindow = (CpuTimes(), sent);
                }
                task.Value = sent;
            }
        });
        var elapsed = clock.Elapsed;
        var cpuAfter = CpuTimes();
        var (first, last, firstBatch) = await WithDbAsync(host.Services, async db =>
        {
            var start = await db.OutboxMessages.MinAsync(r => r.SentAt!.Value);
            return (start, await db.OutboxMessages.MaxAsync(r => r.SentAt!.Value), await db.OutboxMessages.CountAsync(r => r.SentAt == start));
        });
        var steady = last > first ? (messages - firstBatch) / ((last - first) / 1000.0) : double.NaN;

        var consumedText = "";
        if (consumers > 0)
        {
            var drain = Stopwatch.StartNew();
            while (Enumerable.Range(0, consumers).Any(i => Volatile.Read(ref consumed[i]) < messages) && drain.Elapsed < TimeSpan.FromSeconds(120))
            {
                await Task.Delay(100);
            }
            consumedText = $"{string.Join(" / ", consumed.Select(c => c.ToString("N0")))}, drained {drain.Elapsed.TotalSeconds:F1} s after";
        }
        await host.StopAsync();
        return new Result(scenario, messages, payload, settings.BatchSize, elapsed, steady, consumedText,
            (cpuAfter.Own - cpuWindow!.Value.Cpu.Own) / (messages - cpuWindow.Value.Sent),
            (cpuAfter.Broker - cpuWindow.Value.Cpu.Broker) / (messages - cpuWindow.Value.Sent),
            $"BatchSize {settings.BatchSize}, PublishTimeout {settings.PublishTimeout.TotalSeconds:F0} s, Lease {settings.Lease.TotalSeconds:F0} s, PollInterval {settings.PollInterval.TotalSeconds:F1} s");
    }
    finally
    {
        if (consumerBus is not null)
        {
            await consumerBus.StopAsync();
        }
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
        {
            File.Delete(file);
        }
    }
}

IHost BuildRelayHost(string databasePath)
{
    var builder = Host.CreateApplicationBuilder();
    var configuration = new Dictionary<string, string?>
    {
        [$"ConnectionStrings:{ResourceNames.SubmissionDb}"] = $"Data Source={databasePath}",
        [$"ConnectionStrings:{MessagingExtensions.ConnectionName}"] = broker.ConnectionString
    };
    if (batchSize is { } size)
    {
        configuration[$"{OutboxOptions.Section}:{nameof(OutboxOptions.BatchSize)}"] = size.ToString();
    }
    builder.Configuration.AddInMemoryCollection(configuration);
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    // The same database and messaging plumbing as the submission service, without its web side.
    builder.AddServiceDatabase<SubmissionDbContext, SqliteSubmissionDbContext, SqlServerSubmissionDbContext>(ResourceNames.SubmissionDb);
    builder.AddMessaging<SubmissionDbContext>(ResourceNames.Submission);
    return builder.Build();
}

async Task<int> FillAsync(IServiceProvider services, string scenario)
{
    var bytes = 0L;
    await AnsiConsole.Progress().StartAsync(async progress =>
    {
        var task = progress.AddTask($"{Markup.Escape(scenario)}: storing {messages:N0} events", maxValue: messages);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SubmissionDbContext>();
        // The relay must find every row waiting when it starts, so the schema comes before the host's own migrator.
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        for (var stored = 0; stored < messages;)
        {
            for (var n = Math.Min(500, messages - stored); n > 0; n--, stored++)
            {
                var article = articles[stored % articles.Length];
                db.Publish(new EntryTextSubmitted(Guid.CreateVersion7(), 2026, $"unit-{stored % 35:D2}", article.Title, article.Body, article.Field,
                    ArticleCorpus.CountWords(article.Body), DateTimeOffset.UtcNow));
            }
            bytes += db.ChangeTracker.Entries<OutboxMessage>().Sum(e => e.Entity.Payload.Length);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            task.Value = stored;
        }
    });
    return (int)(bytes / messages);
}

async Task<IBusControl> StartConsumersAsync(long[] consumed)
{
    string[] services = [ResourceNames.Judging, ResourceNames.Recognition, ResourceNames.Reporting];
    var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
    {
        broker.ConnectAs(rabbit);
        for (var i = 0; i < consumed.Length; i++)
        {
            var index = i;
            // Durable queues named as the services' own; the handler only counts, the services' SQLite work is not measured here.
            rabbit.ReceiveEndpoint($"{services[i % services.Length]}{(i < services.Length ? "" : $"-{i}")}-entry-text-submitted", endpoint =>
            {
                endpoint.PrefetchCount = 32;
                endpoint.Handler<EntryTextSubmitted>(_ =>
                {
                    Interlocked.Increment(ref consumed[index]);
                    return Task.CompletedTask;
                });
            });
        }
    });
    await bus.StartAsync();
    return bus;
}

static async Task<T> WithDbAsync<T>(IServiceProvider services, Func<SubmissionDbContext, Task<T>> work)
{
    await using var scope = services.CreateAsyncScope();
    return await work(scope.ServiceProvider.GetRequiredService<SubmissionDbContext>());
}

// CPU time of this process (relay, and consumers when bound) and of the broker's Erlang VM.
(TimeSpan Own, TimeSpan Broker) CpuTimes() =>
    (Process.GetCurrentProcess().TotalProcessorTime, broker.VirtualMachine?.TotalProcessorTime ?? TimeSpan.Zero);

static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]);

internal sealed record Result(string Scenario, int Rows, int PayloadBytes, int BatchSize, TimeSpan Elapsed, double SteadyPerSecond, string Consumed,
    TimeSpan OwnCpuPerMessage, TimeSpan BrokerCpuPerMessage, string Settings)
{
    /// <summary>What the two measured processes alone could confirm per second with every core to themselves.</summary>
    public double CpuBoundPerSecond => Environment.ProcessorCount / (OwnCpuPerMessage + BrokerCpuPerMessage).TotalSeconds;
}
