using HoanKiem.Contracts;
using HoanKiem.Reporting.Data;
using HoanKiem.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Reporting.Consumers;

/// <summary>
/// Reporting keeps no one's personal data but the titles of ranked entries, which often name the nominee: a ranked
/// entry's title becomes the one the erasure left.
/// </summary>
public sealed class PersonalDataErasedConsumer(ReportingDbContext db, MessagingTelemetry telemetry)
    : IdempotentConsumer<PersonalDataErased, ReportingDbContext>(db, telemetry)
{
    protected override async Task HandleAsync(PersonalDataErased message, ConsumeContext<PersonalDataErased> context)
    {
        foreach (var ranked in await Db.JudgedEntries.Where(r => r.EntryId == message.EntryId).ToListAsync(context.CancellationToken))
        {
            ranked.Title = message.Title;
            Db.ForgetOverwrittenPages();
        }
    }
}
