using HoanKiem.Contracts;
using HoanKiem.Reporting.Data;
using HoanKiem.Reporting.Models;
using HoanKiem.ServiceDefaults.Messaging;
using MassTransit;

namespace HoanKiem.Reporting.Consumers;

/// <summary>Units named in a decision are the year's commended units; the people it names, the year's commended exemplars.</summary>
public sealed class CommendationDecidedConsumer(ReportingDbContext db, MessagingTelemetry telemetry)
    : IdempotentConsumer<CommendationDecided, ReportingDbContext>(db, telemetry)
{
    protected override async Task HandleAsync(CommendationDecided message, ConsumeContext<CommendationDecided> context)
    {
        foreach (var unitCode in message.UnitCodes.Distinct())
        {
            if (await Db.CommendedUnits.FindAsync([message.Year, message.Number, unitCode], context.CancellationToken) is null)
            {
                Db.CommendedUnits.Add(new CommendedUnit { Year = message.Year, DecisionNumber = message.Number, UnitCode = unitCode, SignedOn = message.SignedOn });
            }
        }
        foreach (var person in message.Nominees.DistinctBy(n => n.NomineeId))
        {
            if (await Db.CommendedPeople.FindAsync([message.Year, message.Number, person.NomineeId], context.CancellationToken) is null)
            {
                Db.CommendedPeople.Add(new CommendedPerson
                {
                    Year = message.Year, DecisionNumber = message.Number, NomineeId = person.NomineeId, FullName = person.FullName, UnitCode = person.UnitCode
                });
            }
        }
    }
}
