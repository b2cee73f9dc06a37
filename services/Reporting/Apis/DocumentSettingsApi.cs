using System.Security.Claims;
using System.Text;
using HoanKiem.Reporting.Data;
using HoanKiem.Reporting.Models;
using HoanKiem.ServiceDefaults.Audit;
using HoanKiem.ServiceDefaults.Http;
using HoanKiem.ServiceDefaults.Security;
using HoanKiem.ServiceDefaults.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HoanKiem.Reporting.Apis;

public sealed record DocumentSettingsRequest(
    string? ParentOrganisation, string? Organiser, string? IssuerCode, string? Place, string? Number, DateOnly? Date,
    string? SignerCapacity, string? SignerTitle, string? SignerName, IReadOnlyList<string>? Recipients,
    [property: MultiLineText] string? MovementNarrative, [property: MultiLineText] string? Causes, [property: MultiLineText] string? NextYearTasks);

public sealed record DocumentSettingsView(
    int Year, string? ParentOrganisation, string Organiser, string IssuerCode, string Place, string? Number, DateOnly? Date,
    string SignerCapacity, string SignerTitle, string? SignerName, IReadOnlyList<string> Recipients,
    string? MovementNarrative, string? Causes, string? NextYearTasks);

public static class DocumentSettingsApi
{
    public static IEndpointRouteBuilder MapDocumentSettingsApi(this IEndpointRouteBuilder app)
    {
        var settings = app.MapGroup("/api/reports/{year:int}/settings").WithTags("Report settings").WithContestYear()
            .RequireAuthorization(TokenAuthentication.SecretariatPolicy).WithIdempotency<ReportingDbContext>();
        settings.MapGet("/", GetSettings).WithSummary("Read what the year's documents say around the figures")
            .WithDescription("The organiser, number, place, date, signer and recipients of the year-end report and the monthly notices, and the narrative paragraphs the secretariat writes; the year's organiser's defaults (the district's, or a ward's after 1 July 2025) until set.");
        settings.MapPut("/", PutSettings).WithSummary("Set what the year's documents say around the figures")
            .WithDescription("Replaces the year's settings (a field left out takes the organiser's default). Lines up to 200 characters; up to 20 recipients; narrative paragraphs (blank lines between them) up to 20,000 characters each. Every figure stays computed.");
        return app;
    }

    public static async Task<Ok<DocumentSettingsView>> GetSettings(int year, ReportingDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToView(await db.SettingsAsync(year, cancellationToken)));

    public static async Task<Results<Ok<DocumentSettingsView>, ProblemHttpResult>> PutSettings(
        int year, DocumentSettingsRequest request, ClaimsPrincipal user, ReportingDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        string Line(string name, string? value, string fallback)
        {
            var clean = VietnameseText.Clean(value) ?? fallback;
            if (clean.Length is 0 or > DocumentSettings.LineLength)
            {
                errors[name] = [$"{name} has 1 to {DocumentSettings.LineLength} characters."];
            }
            return clean;
        }
        string? Optional(string name, string? value)
        {
            var clean = VietnameseText.Clean(value) is { Length: > 0 } given ? given : null;
            if (clean is { Length: > DocumentSettings.LineLength })
            {
                errors[name] = [$"{name} has at most {DocumentSettings.LineLength} characters."];
            }
            return clean;
        }
        string? Narrative(string name, string? value)
        {
            var clean = value?.Normalize(NormalizationForm.FormC).Trim() is { Length: > 0 } given ? given : null;
            if (clean is { Length: > DocumentSettings.NarrativeLength })
            {
                errors[name] = [$"{name} has at most {DocumentSettings.NarrativeLength:N0} characters."];
            }
            return clean;
        }

        var defaults = DocumentSettings.DefaultFor(year, await db.OrganiserAsync(year, cancellationToken));
        var recipients = (request.Recipients ?? defaults.Recipients).Select(VietnameseText.Clean).OfType<string>().Where(r => r.Length > 0).ToList();
        if (recipients.Count > DocumentSettings.MaxRecipients || recipients.Any(r => r.Length > DocumentSettings.LineLength))
        {
            errors["recipients"] = [$"recipients lists up to {DocumentSettings.MaxRecipients} lines of at most {DocumentSettings.LineLength} characters."];
        }
        var settings = new DocumentSettings
        {
            Year = year,
            ParentOrganisation = Optional("parentOrganisation", request.ParentOrganisation),
            Organiser = Line("organiser", request.Organiser, defaults.Organiser),
            IssuerCode = Line("issuerCode", request.IssuerCode, defaults.IssuerCode),
            Place = Line("place", request.Place, defaults.Place),
            Number = Optional("number", request.Number),
            Date = request.Date,
            SignerCapacity = Line("signerCapacity", request.SignerCapacity, defaults.SignerCapacity),
            SignerTitle = Line("signerTitle", request.SignerTitle, defaults.SignerTitle),
            SignerName = Optional("signerName", request.SignerName),
            Recipients = recipients,
            MovementNarrative = Narrative("movementNarrative", request.MovementNarrative),
            Causes = Narrative("causes", request.Causes),
            NextYearTasks = Narrative("nextYearTasks", request.NextYearTasks)
        };
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        if (await db.DocumentSettings.FindAsync([year], cancellationToken) is { } stored)
        {
            db.Entry(stored).CurrentValues.SetValues(settings);
            stored.Recipients = settings.Recipients;
        }
        else
        {
            db.DocumentSettings.Add(settings);
        }
        db.Audit(Actor.Of(user), "report-settings.set", "report-settings", year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new { settings.Organiser, settings.Number, settings.Date, settings.SignerName }, year);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToView(settings));
    }

    private static DocumentSettingsView ToView(DocumentSettings s) => new(
        s.Year, s.ParentOrganisation, s.Organiser, s.IssuerCode, s.Place, s.Number, s.Date, s.SignerCapacity, s.SignerTitle, s.SignerName,
        s.Recipients, s.MovementNarrative, s.Causes, s.NextYearTasks);
}
