using HoanKiem.Contracts;
using HoanKiem.Reporting.Data;
using HoanKiem.Reporting.Models;
using HoanKiem.ServiceDefaults.Messaging;
using MassTransit;

namespace HoanKiem.Reporting.Consumers;

/// <summary>The movement's titles, for part one of the year-end report.</summary>
public sealed class MovementTitleRecordedConsumer(ReportingDbContext db, MessagingTelemetry telemetry)
    : IdempotentConsumer<MovementTitleRecorded, ReportingDbContext>(db, telemetry)
{
    protected override async Task HandleAsync(MovementTitleRecorded message, ConsumeContext<MovementTitleRecorded> context)
    {
        if (await Db.MovementTitles.FindAsync([message.Id], context.CancellationToken) is null)
        {
            Db.MovementTitles.Add(new MovementTitle
            {
                Id = message.Id, Year = message.Year, Category = message.Category, Name = message.Name, UnitCode = message.UnitCode, Amount = message.Amount
            });
        }
    }
}
