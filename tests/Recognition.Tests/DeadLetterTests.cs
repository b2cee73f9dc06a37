using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HoanKiem.Contracts;
using HoanKiem.Recognition.Data;
using HoanKiem.ServiceDefaults.Messaging;
using HoanKiem.TestSupport;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace HoanKiem.Recognition.Tests;

/// <summary>
/// A message that fails every retry holds its queue for the retries' sum (half a minute), which would stall the other
/// tests' corrections: this runs alone, after them.
/// </summary>
[CollectionDefinition(nameof(DeadLetterTests), DisableParallelization = true)]
public sealed class DeadLetterCollection;

[Collection(nameof(DeadLetterTests))]
public sealed class DeadLetterTests(RecognitionFixture fixture)
{
    private const string Queue = "recognition-nominee-corrected_error";
    /// <summary>Consumers on a busy two-core machine can lag well behind a quiet one's seconds.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Correction_that_arrived_before_its_entry_is_dead_lettered_then_moved_back_and_applied_once()
    {
        var year = fixture.NewYear();
        var (misspelt, name) = ($"Đỗ Thị Hăng {year}", $"Đỗ Thị Hằng {year}");
        var entryId = Guid.NewGuid();
        var messageId = NewId.NextGuid();
        // The acceptance it needs never came (lost upstream, say): every retry fails and MassTransit gives up.
        await fixture.Bus.PublishAsync(new NomineeCorrected(entryId, year, name, "Hàng Bạc", "secretariat", DateTimeOffset.UtcNow), messageId);

        var listed = await Eventually.Until(() => fixture.GetAsync("/api/recognition/dead-letters"),
            list => Letters(list).Any(l => l.MessageId == messageId), TimeSpan.FromSeconds(120));
        var letter = Letters(listed).Single(l => l.MessageId == messageId);
        Assert.Equal(Queue, letter.Queue);
        Assert.Equal("HoanKiem.Contracts.NomineeCorrected", letter.MessageType);
        Assert.Contains($"Entry {entryId} is not known yet", letter.Reason);
        Assert.Equal("System.InvalidOperationException", letter.ExceptionType);
        Assert.InRange(letter.FailedAt!.Value, DateTimeOffset.UtcNow.AddMinutes(-2), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.DoesNotContain(name, listed.GetRawText());
        Assert.True(listed.GetProperty("total").GetInt64() >= 1);
        await Eventually.Until(() => Task.FromResult(DeadLettersGauge(Queue)), depth => depth >= 1, Patience);
        // Listing gives the letters back: they are still there to move.
        Assert.Contains(Letters(await fixture.GetAsync("/api/recognition/dead-letters")), l => l.MessageId == messageId);

        // The cause mended: the entry arrives, the correction can apply.
        await fixture.AcceptEntryAsync(year, misspelt, "Hàng Bạc", entryId: entryId);
        await Eventually.Until(() => fixture.NomineesAsync(year), items => items.GetArrayLength() == 1, Patience);
        var moved = await MoveAsync(new { queue = Queue, messageIds = new[] { messageId } }, $"move-{messageId}");
        Assert.Equal([messageId], moved.Select(l => l.MessageId));
        // The same key replays the answer without moving anything again.
        Assert.Equal([messageId], (await MoveAsync(new { queue = Queue, messageIds = new[] { messageId } }, $"move-{messageId}")).Select(l => l.MessageId));

        await Eventually.Until(() => fixture.NomineesAsync(year), items => items[0].GetProperty("fullName").GetString() == name, Patience);
        Assert.Empty(await MoveAsync(new { queue = Queue, messageIds = new[] { messageId } }, $"again-{messageId}"));
        Assert.DoesNotContain(Letters(await fixture.GetAsync("/api/recognition/dead-letters")), l => l.MessageId == messageId);
        await Eventually.Until(() => Task.FromResult(DeadLettersGauge(Queue)), depth => depth == 0, Patience);

        await using var scope = fixture.Service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RecognitionDbContext>();
        var corrections = await db.AuditRecords.Where(a => a.Year == year && a.Action == "nominee.corrected").ToListAsync();
        Assert.Single(corrections);
        Assert.Equal(1, await db.InboxMessages.CountAsync(m => m.MessageId == messageId));
        var move = Assert.Single(await db.AuditRecords.Where(a => a.Action == "dead-letters.moved" && a.Changes.Contains(messageId.ToString())).ToListAsync());
        Assert.Equal(("secretariat", Queue), (move.ActorId, move.SubjectId));
    }

    [Fact]
    public async Task Move_from_a_queue_the_service_does_not_have_is_not_found_and_moves_nothing()
    {
        using var response = await fixture.Secretariat.PostAsJsonAsync("/api/recognition/dead-letters/moves", new { queue = "judging-entry-withdrawn_error" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("dead_letter_queue_not_found", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Dead_letters_are_the_secretariat_s_alone()
    {
        using var unit = fixture.Service.CreateClient(TestCallers.Unit("phuong-hang-gai"));
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync("/api/recognition/dead-letters")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.PostAsJsonAsync("/api/recognition/dead-letters/moves", new { })).StatusCode);
    }

    private async Task<IReadOnlyList<DeadLetter>> MoveAsync(object move, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/recognition/dead-letters/moves") { Content = JsonContent.Create(move) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await fixture.Secretariat.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<DeadLettersMoved>(MessageSerialization.Options))!.Moved;
    }

    private static IReadOnlyList<DeadLetter> Letters(JsonElement list) =>
        list.GetProperty("items").Deserialize<List<DeadLetter>>(MessageSerialization.Options)!;

    /// <summary>The gauge as an exporter would read it now, for one queue (null until the monitor has read it).</summary>
    private static long? DeadLettersGauge(string queue)
    {
        long? depth = null;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, listening) =>
            {
                if (instrument.Meter.Name == MessagingTelemetry.MeterName && instrument.Name == MessagingTelemetry.DeadLettersInstrument)
                {
                    listening.EnableMeasurementEvents(instrument);
                }
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: "queue", Value: string name } && name == queue)
                {
                    depth = value;
                }
            }
        });
        listener.Start();
        listener.RecordObservableInstruments();
        return depth;
    }
}
