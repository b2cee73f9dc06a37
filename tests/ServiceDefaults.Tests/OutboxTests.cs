using HoanKiem.ServiceDefaults.Messaging;
using HoanKiem.ServiceDefaults.Outbox;
using HoanKiem.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace HoanKiem.ServiceDefaults.Tests;

/// <summary>The transactional outbox against a real broker that dies and comes back, and against a second relay.</summary>
public sealed class OutboxTests : MessagingTest
{
    [Fact]
    public async Task Writes_during_a_broker_outage_are_kept_and_every_event_arrives_once_after_it_returns()
    {
        await using var bus = await TestBus.StartAsync(Broker);
        await bus.RecordAsync<NoteAdded>();
        await using var service = await MessagingHost.StartAsync(Broker, DatabasePath);

        await Broker.KillAsync();
        var notes = await service.AddNotesAsync(25);
        // The relay has tried each of them and the broker confirmed none.
        await Eventually.Until(() => service.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Attempts > 0)), tried => tried == 25);
        Assert.Equal(25, await service.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.SentAt == null)));
        Assert.True(service.Services.GetRequiredService<OutboxTelemetry>().OldestUnsentAgeSeconds > 0);

        await Broker.RestartAsync();
        await Eventually.Until(() => service.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.SentAt == null)), unsent => unsent == 0, TimeSpan.FromSeconds(60));
        // Drained, the outbox sends no more, and every copy the broker confirmed reaches the test's queue.
        var received = await Eventually.Until(() => Task.FromResult(bus.Received<NoteAdded>()), r => r.Count >= Math.Max(25, service.Relayed.Count), TimeSpan.FromSeconds(30));

        Assert.Equal(notes.Select(n => n.Id).Order(), received.Select(r => r.Message.NoteId).Order());
        Assert.Equal(25, received.Select(r => r.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task Two_relays_on_one_database_publish_each_event_once()
    {
        await using var bus = await TestBus.StartAsync(Broker);
        await bus.RecordAsync<NoteAdded>();
        await using var first = await MessagingHost.StartAsync(Broker, DatabasePath, "replica-a");
        await using var second = await MessagingHost.StartAsync(Broker, DatabasePath, "replica-b");

        var writes = Enumerable.Range(0, 200).Select(i => (i % 2 == 0 ? first : second).WithDbAsync(db =>
        {
            db.Publish(new NoteAdded(Guid.NewGuid(), $"Ghi chú {i}"));
            return db.SaveChangesAsync();
        }));
        await Task.WhenAll(writes);

        // The broker's confirm reaches the consumer before the relay marks the event sent.
        Assert.Equal(0, await Eventually.Until(() => first.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.SentAt == null)), unsent => unsent == 0));
        // Drained, the outbox sends no more, and every copy the broker confirmed to either relay reaches the test's queue.
        var received = await Eventually.Until(() => Task.FromResult(bus.Received<NoteAdded>()),
            r => r.Count >= Math.Max(200, first.Relayed.Count + second.Relayed.Count), TimeSpan.FromSeconds(30));
        Assert.Equal(200, received.Count);
        Assert.Equal(200, received.Select(r => r.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task Relayed_events_past_their_retention_are_deleted()
    {
        await using var bus = await TestBus.StartAsync(Broker);
        await bus.RecordAsync<NoteAdded>();
        await using var service = await MessagingHost.StartAsync(Broker, DatabasePath,
            settings: new() { ["Outbox:SentRetention"] = "00:00:00", ["Outbox:CleanupInterval"] = "00:00:00" });

        await service.AddNotesAsync(5);
        await Eventually.Until(() => Task.FromResult(bus.Received<NoteAdded>().Count), count => count >= 5, TimeSpan.FromSeconds(30));
        await Eventually.Until(() => service.WithDbAsync(db => db.OutboxMessages.CountAsync()), count => count == 0, TimeSpan.FromSeconds(30));
        Assert.Equal(5, bus.Received<NoteAdded>().Count);
    }

    [Fact]
    public async Task The_same_message_delivered_twice_has_one_effect()
    {
        await using var service = await MessagingHost.StartAsync(Broker, DatabasePath);
        await using var bus = await TestBus.StartAsync(Broker);
        var noteId = Guid.NewGuid();
        var messageId = Guid.NewGuid();

        await bus.PublishAsync(new NoteAdded(noteId, "Một lần"), messageId);
        await bus.PublishAsync(new NoteAdded(noteId, "Một lần"), messageId);
        await bus.PublishAsync(new NoteAdded(Guid.NewGuid(), "Khác"));

        await Eventually.Until(() => service.WithDbAsync(db => db.InboxMessages.CountAsync()), count => count == 2);
        await service.Deliveries.WaitForAsync(messageId, times: 2);
        Assert.Equal(1, await service.WithDbAsync(db => db.ReceivedNotes.CountAsync(r => r.NoteId == noteId)));
        Assert.Equal(2, await service.WithDbAsync(db => db.ReceivedNotes.CountAsync()));
    }

    [Fact]
    public async Task A_backlog_with_redeliveries_is_handled_in_batches_once_per_message()
    {
        await using (await MessagingHost.StartAsync(Broker, DatabasePath))
        {
            // Started once so that its queues exist and keep what is published while it is down.
        }
        await using var bus = await TestBus.StartAsync(Broker);
        var notes = Enumerable.Range(0, 250).Select(_ => (NoteId: Guid.NewGuid(), MessageId: Guid.NewGuid())).ToList();
        foreach (var (noteId, messageId) in notes)
        {
            await bus.PublishAsync(new NoteFiled(noteId), messageId);
        }
        foreach (var (noteId, messageId) in notes.Where((_, i) => i % 5 == 0))
        {
            await bus.PublishAsync(new NoteFiled(noteId), messageId);
        }

        await using var service = await MessagingHost.StartAsync(Broker, DatabasePath);
        await Eventually.Until(() => service.WithDbAsync(db => db.InboxMessages.CountAsync(m => m.Consumer == nameof(NoteFiledConsumer))),
            count => count == notes.Count);
        await service.Deliveries.WaitForAsync(notes.Where((_, i) => i % 5 == 0).Select(n => n.MessageId).ToList(), times: 2);
        var received = await service.WithDbAsync(db => db.ReceivedNotes.ToListAsync());
        Assert.Equal(notes.Select(n => n.NoteId).Order(), received.Select(r => r.NoteId).Order());
        Assert.Contains(received, r => r.BatchSize > 1);
        Assert.All(received, r => Assert.InRange(r.BatchSize, 1, new BatchConsumerOptions().MessageLimit));
    }

    [Fact]
    public async Task A_message_that_cannot_be_handled_holds_back_none_of_its_batch()
    {
        await using (await MessagingHost.StartAsync(Broker, DatabasePath))
        {
            // Started once so that the backlog below arrives in batches when it starts again.
        }
        await using var bus = await TestBus.StartAsync(Broker);
        var notes = Enumerable.Range(0, 40).Select(i => new NoteFiled(Guid.NewGuid(), Unreadable: i == 17)).ToList();
        foreach (var note in notes)
        {
            await bus.PublishAsync(note);
        }

        await using var service = await MessagingHost.StartAsync(Broker, DatabasePath);
        var readable = notes.Where(n => !n.Unreadable).Select(n => n.NoteId).Order().ToList();
        // Those in the unreadable note's batch take effect at once; on a busy machine the backlog may come in several
        // batches, and those after it wait while it is retried.
        var retries = MessagingExtensions.RetryIntervals.Aggregate(TimeSpan.Zero, (sum, wait) => sum + wait);
        var received = await Eventually.Until(() => service.WithDbAsync(db => db.ReceivedNotes.Select(r => r.NoteId).ToListAsync()),
            ids => ids.Count >= readable.Count, retries + TimeSpan.FromSeconds(20));
        Assert.Equal(readable, received.Order());
        Assert.Equal(readable.Count, await service.WithDbAsync(db => db.InboxMessages.CountAsync(m => m.Consumer == nameof(NoteFiledConsumer))));
    }
}
