using HoanKiem.Contracts;
using HoanKiem.Reporting.Data;
using HoanKiem.Reporting.Models;
using HoanKiem.ServiceDefaults.Messaging;
using MassTransit;

namespace HoanKiem.Reporting.Consumers;

public sealed class ContestConfiguredConsumer(ReportingDbContext db, MessagingTelemetry telemetry)
    : IdempotentConsumer<ContestConfigured, ReportingDbContext>(db, telemetry)
{
    protected override async Task HandleAsync(ContestConfigured message, ConsumeContext<ContestConfigured> context)
    {
        var contest = await Db.Contests.FindAsync([message.Year], context.CancellationToken);
        if (contest is null)
        {
            contest = Db.Contests.Add(new Contest { Year = message.Year, Title = message.Title }).Entity;
        }
        contest.Title = message.Title;
        contest.OpensAt = message.OpensAt;
        contest.ClosesAt = message.ClosesAt;
        contest.MinWords = message.MinWords;
        contest.MaxWords = message.MaxWords;
        if (message.Organiser is { } organiser)
        {
            (contest.OrganiserName, contest.OrganiserLevel, contest.AreaName, contest.SignerTitle) =
                (organiser.Name, organiser.Level, organiser.AreaName, organiser.SignerTitle);
        }
    }
}
