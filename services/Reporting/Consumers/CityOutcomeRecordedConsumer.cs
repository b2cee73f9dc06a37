using HoanKiem.Contracts;
using HoanKiem.Reporting.Data;
using HoanKiem.Reporting.Models;
using HoanKiem.ServiceDefaults.Messaging;
using MassTransit;

namespace HoanKiem.Reporting.Consumers;

/// <summary>The city's latest outcome for a forwarded entry.</summary>
public sealed class CityOutcomeRecordedConsumer(ReportingDbContext db, MessagingTelemetry telemetry)
    : IdempotentConsumer<CityOutcomeRecorded, ReportingDbContext>(db, telemetry)
{
    protected override async Task HandleAsync(CityOutcomeRecorded message, ConsumeContext<CityOutcomeRecorded> context)
    {
        var award = await Db.CityAwards.FindAsync([message.Year, message.EntryId], context.CancellationToken);
        if (award is not null && award.RecordedAt > message.RecordedAt)
        {
            return;
        }
        award ??= Db.CityAwards.Add(new CityAward { Year = message.Year, EntryId = message.EntryId, UnitCode = message.UnitCode, Outcome = message.Outcome }).Entity;
        award.UnitCode = message.UnitCode;
        award.Outcome = message.Outcome;
        award.RecordedAt = message.RecordedAt;
    }
}
