using HoanKiem.Contracts;
using HoanKiem.Recognition.Data;
using HoanKiem.Recognition.Models;
using HoanKiem.ServiceDefaults.Audit;
using HoanKiem.ServiceDefaults.Messaging;
using MassTransit;

namespace HoanKiem.Recognition.Consumers;

/// <summary>
/// The city's outcome for a forwarded entry commends the person it introduced at the city's level; the latest outcome
/// recorded counts, and the year's figures count each such person once.
/// </summary>
public sealed class CityOutcomeRecordedConsumer(RecognitionDbContext db, MessagingTelemetry telemetry)
    : IdempotentConsumer<CityOutcomeRecorded, RecognitionDbContext>(db, telemetry)
{
    private static readonly Actor Judging = new("judging", null);

    protected override async Task HandleAsync(CityOutcomeRecorded message, ConsumeContext<CityOutcomeRecorded> context)
    {
        var city = await Db.CityCommendations.FindAsync([message.EntryId], context.CancellationToken);
        if (city is not null && city.RecordedAt >= message.RecordedAt)
        {
            return;
        }
        city ??= Db.CityCommendations.Add(new CityCommendation { EntryId = message.EntryId, Year = message.Year, Outcome = message.Outcome }).Entity;
        city.Outcome = message.Outcome;
        city.RecordedAt = message.RecordedAt;
        Db.Audit(Judging, "city-commendation.recorded", "entry", message.EntryId.ToString(), new { message.Outcome }, message.Year);
        await Db.MarkFiguresChangedAsync([message.Year], context.CancellationToken);
    }
}
