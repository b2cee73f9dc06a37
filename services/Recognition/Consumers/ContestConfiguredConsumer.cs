using HoanKiem.Contracts;
using HoanKiem.Recognition.Data;
using HoanKiem.Recognition.Models;
using HoanKiem.ServiceDefaults.Messaging;
using MassTransit;

namespace HoanKiem.Recognition.Consumers;

/// <summary>Keeps each year's organiser, whom a decision names as issuer and signer unless the secretariat names another.</summary>
public sealed class ContestConfiguredConsumer(RecognitionDbContext db, MessagingTelemetry telemetry)
    : IdempotentConsumer<ContestConfigured, RecognitionDbContext>(db, telemetry)
{
    protected override async Task HandleAsync(ContestConfigured message, ConsumeContext<ContestConfigured> context)
    {
        var organiser = message.Organiser ?? ContestOrganiser.HoanKiemDistrict;
        var known = await Db.YearOrganisers.FindAsync([message.Year], context.CancellationToken);
        if (known is null)
        {
            Db.YearOrganisers.Add(new YearOrganiser { Year = message.Year, Name = organiser.Name, SignerTitle = organiser.SignerTitle });
            return;
        }
        (known.Name, known.SignerTitle) = (organiser.Name, organiser.SignerTitle);
    }
}
