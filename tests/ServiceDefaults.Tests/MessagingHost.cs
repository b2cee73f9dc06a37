using System.Collections.Concurrent;
using System.Diagnostics;
using HoanKiem.ServiceDefaults.Data;
using HoanKiem.ServiceDefaults.Messaging;
using HoanKiem.ServiceDefaults.Outbox;
using HoanKiem.TestSupport;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace HoanKiem.ServiceDefaults.Tests;

public sealed record NoteAdded(Guid NoteId, string Text);

/// <summary>A note for the batch consumer; <c>Unreadable</c> makes its handling fail every time.</summary>
public sealed record NoteFiled(Guid NoteId, bool Unreadable = false);

public sealed class Note
{
    public Guid Id { get; set; }
    public required string Text { get; set; }
}

public sealed class MessagingDbContext(DbContextOptions<MessagingDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Note> Notes => Set<Note>();
    public DbSet<ReceivedNote> ReceivedNotes => Set<ReceivedNote>();
}

public sealed class ReceivedNote
{
    public int Id { get; set; }
    public Guid NoteId { get; set; }
    public int BatchSize { get; set; } = 1;
}

/// <summary>The smallest real consumer: one row per handled message, so a second effect would show.</summary>
public sealed class NoteAddedConsumer(MessagingDbContext db, MessagingTelemetry telemetry)
    : IdempotentConsumer<NoteAdded, MessagingDbContext>(db, telemetry)
{
    protected override Task HandleAsync(NoteAdded message, ConsumeContext<NoteAdded> context)
    {
        Db.ReceivedNotes.Add(new ReceivedNote { NoteId = message.NoteId });
        return Task.CompletedTask;
    }
}

/// <summary>The smallest real batch consumer: one row per handled message, with the size of the batch it came in.</summary>
public sealed class NoteFiledConsumer(MessagingDbContext db, MessagingTelemetry telemetry)
    : IdempotentBatchConsumer<NoteFiled, MessagingDbContext>(db, telemetry)
{
    protected override Task HandleAsync(IReadOnlyList<NoteFiled> messages, CancellationToken cancellationToken)
    {
        if (messages.Any(m => m.Unreadable))
        {
            throw new InvalidDataException("This note cannot be read.");
        }
        Db.ReceivedNotes.AddRange(messages.Select(m => new ReceivedNote { NoteId = m.NoteId, BatchSize = messages.Count }));
        return Task.CompletedTask;
    }
}

/// <summary>A process using the shared messaging plumbing exactly as a service does, on a real SQLite file and broker.</summary>
public sealed class MessagingHost : IAsyncDisposable
{
    private readonly IHost host;

    private MessagingHost(IHost host)
    {
        this.host = host;
        Deliveries = Deliveries.Of(host.Services);
        Relayed = new RelayedCopies(host.Services);
    }

    public IServiceProvider Services => host.Services;
    /// <summary>Every message this process received since it started, a backlog waiting for it on the broker included.</summary>
    public Deliveries Deliveries { get; }
    public RelayedCopies Relayed { get; }

    /// <param name="traces">Given, the spans the process records (its own, MassTransit's and EF Core's) are added to it.</param>
    /// <param name="settings">Configuration beyond the test defaults, such as the outbox's options.</param>
    public static async Task<MessagingHost> StartAsync(RabbitMqBroker broker, string databasePath, string serviceName = "plumbing",
        ConcurrentQueue<Activity>? traces = null, Dictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{MessagingExtensions.ConnectionName}"] = broker.ConnectionString,
            ["Outbox:PollInterval"] = "00:00:00.200",
            ["Outbox:PublishTimeout"] = "00:00:02"
        });
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Services.AddDbContext<MessagingDbContext>((services, options) => options
            .UseSqlite($"Data Source={databasePath}")
            .AddInterceptors(services.GetRequiredService<OutboxInterceptor>()));
        builder.AddMessaging<MessagingDbContext>(serviceName);
        if (traces is not null)
        {
            builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing
                .AddSource(OutboxTelemetry.ActivitySourceName, "MassTransit")
                .AddEntityFrameworkCoreInstrumentation()
                .AddProcessor(new RecordingProcessor(traces)));
        }
        // A test publishes right after the start: the service's queues must be bound by then, or the broker drops it.
        builder.Services.Configure<MassTransitHostOptions>(options => options.WaitUntilStarted = true);
        var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MessagingDbContext>().Database.EnsureCreatedAsync();
        }
        var started = new MessagingHost(host);
        await host.StartAsync();
        return started;
    }

    public async Task<T> WithDbAsync<T>(Func<MessagingDbContext, Task<T>> work)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<MessagingDbContext>());
    }

    /// <summary>Stores notes, each with its <see cref="NoteAdded"/> in the same transaction, as a service's writes do.</summary>
    public async Task<List<Note>> AddNotesAsync(int count)
    {
        var notes = Enumerable.Range(0, count).Select(i => new Note { Id = Guid.NewGuid(), Text = $"Ghi chú {i}" }).ToList();
        foreach (var note in notes)
        {
            await WithDbAsync(db =>
            {
                db.Notes.Add(note);
                db.Publish(new NoteAdded(note.Id, note.Text));
                return db.SaveChangesAsync();
            });
        }
        return notes;
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        Relayed.Dispose();
        host.Dispose();
    }
}

internal sealed class RecordingProcessor(ConcurrentQueue<Activity> traces) : BaseProcessor<Activity>
{
    public override void OnEnd(Activity activity) => traces.Enqueue(activity);
}
