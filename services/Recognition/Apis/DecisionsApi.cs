using System.Security.Claims;
using HoanKiem.Contracts;
using HoanKiem.Recognition.Data;
using HoanKiem.Recognition.Documents;
using HoanKiem.Recognition.Models;
using HoanKiem.ServiceDefaults.Audit;
using HoanKiem.ServiceDefaults.Http;
using HoanKiem.ServiceDefaults.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Recognition.Apis;

public sealed record DecisionRequest(string? Number, DateOnly? SignedOn, string? Form, List<Guid>? NomineeIds, List<string>? UnitCodes, long? AmountPerRecipient,
    string? Issuer = null, string? SignerTitle = null, string? SignerName = null, string? Achievement = null);
public sealed record RecipientView(string Kind, Guid? NomineeId, string? UnitCode, string Name, long Amount);
public sealed record DecisionView(
    Guid Id, int Year, string Number, DateOnly SignedOn, string Form, string AmountSource, long? AmountPerRecipient, long TotalAmount,
    IReadOnlyList<RecipientView> Recipients, string DecidedBy, DateTimeOffset DecidedAt,
    string Issuer, string SignerTitle, string? SignerName, string Achievement);
public sealed record AlreadyCommended(Guid? NomineeId, string? UnitCode, string Name, string DecisionNumber);
public sealed record DecisionPart(string Kind, int Count, long AmountEach, long Subtotal, long? BaseSalary, decimal? Coefficient, decimal? Multiplier,
    string? SalaryBasis, string? CoefficientBasis);
public sealed record DecisionPreview(int Year, string Number, DateOnly SignedOn, string Form, string? FormName, string? Level, string AmountSource,
    IReadOnlyList<DecisionPart> Parts, IReadOnlyList<RecipientView> Recipients, long TotalAmount);

public static class DecisionsApi
{
    public const int MaxRecipients = 1000;

    public static IEndpointRouteBuilder MapDecisionsApi(this IEndpointRouteBuilder app)
    {
        var decisions = app.MapYearGroup("/decisions", "Decisions");
        decisions.MapPost("/", Decide).WithSummary("Sign a commendation decision")
            .WithDescription("Commends verified nominees (as individuals) and/or units (as collectives). Without amountPerRecipient each recipient gets the reward table's amount for the form on the signing date (422 reward_table_incomplete when it has none). A form of the table outside its validity on the signing date: 422 reward_form_expired (naming its end date) or reward_form_not_yet_valid. 409 already_commended; 422 nominee_not_verified.");
        decisions.MapPost("/preview", Preview).WithSummary("Price a decision before signing it")
            .WithDescription("The same body as signing, answered with what signing would record: each recipient's amount, the figures behind it (base salary, coefficient, sources) and the total. Records nothing; refuses exactly as signing would.");
        decisions.MapGet("/", ListDecisions).WithSummary("List decisions")
            .WithDescription("The year's decisions with their recipients. Paged.");
        decisions.MapGet("/{id:guid}", GetDecision).WithSummary("Read a decision")
            .WithDescription("One decision with its recipients and amounts.");
        decisions.MapGet("/{id:guid}/certificates", GetCertificates).WithSummary("Download a decision's certificates")
            .WithDescription("Every recipient's certificate (Giấy khen) as a Word document, one page each: the recipient, the achievement, the decision's number and date, the signer's title and name. 404 decision_not_found.")
            .Produces(StatusCodes.Status200OK, typeof(Stream), Certificates.MediaType);
        return app;
    }

    /// <summary>
    /// Signs a decision for verified nominees (as individuals) and/or units (as collectives). <c>form</c> is free text;
    /// where it names a form of the reward table and no amount is given, each recipient gets the table's amount on the
    /// signing date. Any other form needs an explicit amount, which also overrides the table's.
    /// </summary>
    public static async Task<Results<Created<DecisionView>, ProblemHttpResult>> Decide(
        int year, DecisionRequest request, ClaimsPrincipal user, RecognitionDbContext db, TimeProvider clock)
    {
        var (draft, refused) = await DraftAsync(year, request, db);
        if (draft is null)
        {
            return refused!;
        }
        var (number, form, signedOn, amount, amountSource) = (draft.Number, draft.Form, draft.SignedOn, draft.Amount, draft.AmountSource);
        var actor = Actor.Of(user);
        var decision = Decision.Sign(year, number, signedOn, form, amountSource, amount, draft.Nominees, draft.Units, actor.Id, clock.GetUtcNow());
        decision.Issuer = VietnameseText.Clean(request.Issuer) is { Length: > 0 } issuer ? issuer : null;
        decision.SignerTitle = VietnameseText.Clean(request.SignerTitle) is { Length: > 0 } title ? title : null;
        decision.SignerName = VietnameseText.Clean(request.SignerName) is { Length: > 0 } name ? name : null;
        if ((decision.Issuer is null || decision.SignerTitle is null) && await db.YearOrganisers.FindAsync(year) is { } organiser)
        {
            decision.Issuer ??= organiser.Name;
            decision.SignerTitle ??= organiser.SignerTitle;
        }
        decision.Achievement = VietnameseText.Clean(request.Achievement) is { Length: > 0 } achievement ? achievement : null;
        foreach (var recipient in decision.Recipients)
        {
            var (action, subject, id, change) = recipient.NomineeId is { } nomineeId
                ? ("nominee.commended", "nominee", nomineeId.ToString(),
                    (object)new { from = NomineeStatus.Verified, to = NomineeStatus.Commended, decision = number, form, amount, amountSource })
                : ("unit.commended", "unit", recipient.UnitCode!, new { decision = number, form, amount, amountSource });
            db.Audit(actor, action, subject, id, change, year);
        }
        db.Decisions.Add(decision);
        db.Publish(new CommendationDecided(year, number, signedOn, form,
            [.. draft.Nominees.Select(n => new CommendedNominee(n.Id, n.FullName, n.UnitCode))], [.. draft.Units.Select(u => u.Code)], amount,
            decision.Recipients.Sum(r => r.Amount)));
        if (await RecognitionRoutes.TrySaveAsync(db, figuresOf: year) is { } conflict)
        {
            return conflict;
        }
        return TypedResults.Created($"/api/recognition/{year}/decisions/{decision.Id}", ToView(decision));
    }

    /// <summary>What signing the request would record, refused exactly as signing would be; nothing is saved.</summary>
    public static async Task<Results<Ok<DecisionPreview>, ProblemHttpResult>> Preview(int year, DecisionRequest request, RecognitionDbContext db)
    {
        var (draft, refused) = await DraftAsync(year, request, db);
        if (draft is null)
        {
            return refused!;
        }
        var recipients = draft.Nominees.Select(n => new RecipientView(RecipientKind.Individual, n.Id, null, n.FullName, draft.Amount))
            .Concat(draft.Units.Select(u => new RecipientView(RecipientKind.Collective, null, u.Code, u.Name, draft.Amount))).ToList();
        var parts = recipients.GroupBy(r => r.Kind).Select(g => new DecisionPart(g.Key, g.Count(), draft.Amount, g.Sum(r => r.Amount),
            draft.Quote?.BaseSalary, draft.Quote?.Coefficient, draft.Quote?.Multiplier, draft.Quote?.SalaryBasis, draft.Quote?.CoefficientBasis)).ToList();
        return TypedResults.Ok(new DecisionPreview(year, draft.Number, draft.SignedOn, draft.Form, draft.TableForm?.Name, draft.TableForm?.Level,
            draft.AmountSource, parts, recipients, recipients.Sum(r => r.Amount)));
    }

    private sealed record Draft(string Number, DateOnly SignedOn, string Form, AwardForm? TableForm, List<Nominee> Nominees, List<Unit> Units,
        long Amount, string AmountSource, RewardQuote? Quote);

    /// <summary>
    /// The decision a request describes, checked in the order the contract gives: the fields, a recipient already commended,
    /// the form's validity on the signing date, the recipients themselves, then the table's money.
    /// </summary>
    private static async Task<(Draft? Draft, ProblemHttpResult? Refused)> DraftAsync(int year, DecisionRequest request, RecognitionDbContext db)
    {
        var number = VietnameseText.Clean(request.Number) ?? "";
        var form = VietnameseText.Clean(request.Form) ?? "";
        var formKey = form.ToLowerInvariant();
        var tableForm = await db.AwardForms.AsNoTracking().SingleOrDefaultAsync(f => f.Code == formKey);
        var nomineeIds = request.NomineeIds ?? [];
        var unitCodes = await RegisteredCodesAsync(db, request.UnitCodes ?? []);
        if (await ValidationErrorsAsync(request, number, form, tableForm, nomineeIds, unitCodes, db) is { Count: > 0 } errors)
        {
            return (null, Problems.Validation(errors));
        }
        var signedOn = request.SignedOn!.Value;
        if (await AlreadyDecidedAsync(year, number, nomineeIds, unitCodes, db) is { } decided)
        {
            return (null, decided);
        }
        if (tableForm is not null && RewardTableApi.Refusal(tableForm, signedOn) is { } outOfForce)
        {
            return (null, outOfForce);
        }
        var (nominees, units, missing) = await RecipientsAsync(year, nomineeIds, unitCodes, db);
        if (missing is not null)
        {
            return (null, missing);
        }
        RewardQuote? quote = null;
        if (request.AmountPerRecipient is null)
        {
            var kind = nomineeIds.Count > 0 ? RecipientKind.Individual : RecipientKind.Collective;
            quote = RewardTable.Quote(tableForm!, signedOn, kind, await db.BaseSalaries.ToListAsync(), await db.FormCoefficients.ToListAsync());
            if (quote is null)
            {
                return (null, Problems.Unprocessable("reward_table_incomplete", Messages.RewardTableIncomplete(tableForm!.Code, signedOn, "amountPerRecipient")));
            }
        }
        // A form the table knows is kept in the table's spelling, so the year's figures group it with the others.
        return (new Draft(number, signedOn, tableForm?.Code ?? form, tableForm, nominees, units, request.AmountPerRecipient ?? quote!.Amount,
            request.AmountPerRecipient is null ? AmountSource.Table : AmountSource.Override, quote), null);
    }

    private static async Task<Dictionary<string, string[]>> ValidationErrorsAsync(
        DecisionRequest request, string number, string form, AwardForm? tableForm, List<Guid> nomineeIds, List<string> unitCodes, RecognitionDbContext db)
    {
        var errors = new Dictionary<string, string[]>();
        if (number.Length is 0 or > 100)
        {
            errors["number"] = ["A decision number has 1 to 100 characters, e.g. 1234/QĐ-UBND."];
        }
        if (request.SignedOn is null)
        {
            errors["signedOn"] = ["signedOn is the date the decision was signed (yyyy-MM-dd)."];
        }
        if (form.Length is 0 or > 60)
        {
            errors["form"] = ["form names the form of commendation in 1 to 60 characters, e.g. giay-khen."];
        }
        else if (tableForm?.RecipientKind is { } only && (only == RecipientKind.Household
            || (only == RecipientKind.Collective && nomineeIds.Count > 0) || (only == RecipientKind.Individual && unitCodes.Count > 0)))
        {
            errors["form"] = [$"{tableForm.Code} is a title for {only} recipients only: a decision names nominees as individuals and units as collectives."];
        }
        if (nomineeIds.Count + unitCodes.Count is 0 or > MaxRecipients)
        {
            errors["nomineeIds"] = [$"A decision names 1 to {MaxRecipients} recipients in nomineeIds and unitCodes."];
        }
        if (nomineeIds.Distinct().Count() != nomineeIds.Count || unitCodes.Distinct().Count() != unitCodes.Count || unitCodes.Any(c => c.Length is 0 or > UnitCodes.MaxLength))
        {
            errors["unitCodes"] = ["Each recipient is named once, and a unit code has 1 to 40 characters."];
        }
        foreach (var (field, value, limit) in new[] { ("issuer", request.Issuer, 200), ("signerTitle", request.SignerTitle, 200),
            ("signerName", request.SignerName, 200), ("achievement", request.Achievement, 1000) })
        {
            if (VietnameseText.Clean(value) is { Length: var length } && length > limit)
            {
                errors[field] = [$"{field} has at most {limit} characters."];
            }
        }
        if (request.AmountPerRecipient is < 0 or > RecognitionRoutes.MaxAmount)
        {
            errors["amountPerRecipient"] = ["amountPerRecipient is a whole number of VND from 0 to 10,000,000,000."];
        }
        else if (request.AmountPerRecipient is null && tableForm is null && form.Length > 0)
        {
            errors["amountPerRecipient"] = [$"amountPerRecipient is required unless form names a form of the reward table: {string.Join(", ", await db.AwardForms.Select(f => f.Code).ToListAsync())}."];
        }
        else if (request.AmountPerRecipient is null && nomineeIds.Count > 0 && unitCodes.Count > 0)
        {
            errors["amountPerRecipient"] = ["Individuals and collectives get different amounts from the table: sign separate decisions, or give amountPerRecipient."];
        }
        return errors;
    }

    /// <summary>A recipient commended this year already (checked first), or a decision number already recorded.</summary>
    private static async Task<ProblemHttpResult?> AlreadyDecidedAsync(int year, string number, List<Guid> nomineeIds, List<string> unitCodes, RecognitionDbContext db)
    {
        var keys = nomineeIds.Select(DecisionRecipient.KeyOf).Concat(unitCodes.Select(DecisionRecipient.KeyOf)).ToList();
        var commended = await (from r in db.DecisionRecipients
                               join d in db.Decisions on r.DecisionId equals d.Id
                               where r.Year == year && keys.Contains(r.RecipientKey)
                               select new AlreadyCommended(r.NomineeId, r.UnitCode, r.Name, d.Number)).ToListAsync();
        if (commended.Count > 0)
        {
            return Problems.Conflict("already_commended", Messages.AlreadyCommended(year, commended.Select(c => (c.Name, c.DecisionNumber))),
                [new("recipients", commended)]);
        }
        return await db.Decisions.AnyAsync(d => d.Year == year && d.Number == number)
            ? Problems.Conflict("decision_exists", Messages.DecisionExists(number, year))
            : null;
    }

    /// <summary>The named nominees (tracked, in the order given) and units, or the problem with the first that cannot be commended.</summary>
    private static async Task<(List<Nominee> Nominees, List<Unit> Units, ProblemHttpResult? Problem)> RecipientsAsync(
        int year, List<Guid> nomineeIds, List<string> unitCodes, RecognitionDbContext db)
    {
        var nominees = await db.Nominees.Where(n => n.Year == year && nomineeIds.Contains(n.Id) && n.Status != NomineeStatus.Withdrawn).ToListAsync();
        if (nomineeIds.Except(nominees.Select(n => n.Id)).ToList() is { Count: > 0 } unknownNominees)
        {
            return ([], [], Problems.NotFound("nominee_not_found", Messages.NomineesNotFound(unknownNominees, year), [new("nomineeIds", unknownNominees)]));
        }
        if (nominees.Where(n => n.Status != NomineeStatus.Verified).ToList() is { Count: > 0 } unverified)
        {
            return ([], [], Problems.Unprocessable("nominee_not_verified", Messages.NomineesNotVerified(unverified.Select(n => (n.FullName, n.Status))),
                [new("nominees", unverified.Select(n => new { n.Id, n.FullName, n.Status }))]));
        }
        var units = await db.Units.Where(u => unitCodes.Contains(u.Code)).ToDictionaryAsync(u => u.Code);
        if (unitCodes.Except(units.Keys).ToList() is { Count: > 0 } unknownUnits)
        {
            return ([], [], Problems.NotFound("unit_not_found", Messages.UnitsNotFound(unknownUnits), [new("unitCodes", unknownUnits)]));
        }
        return ([.. nomineeIds.Select(id => nominees.Single(n => n.Id == id))], [.. unitCodes.Select(code => units[code])], null);
    }

    public static async Task<Ok<Page<DecisionView>>> ListDecisions(
        int year, [AsParameters] PageRequest paging, RecognitionDbContext db)
    {
        var decisions = db.Decisions.AsNoTracking().Where(d => d.Year == year);
        var total = await decisions.CountAsync();
        var page = await decisions.Include(d => d.Recipients).OrderBy(d => d.SignedOn).ThenBy(d => d.DecidedAt)
            .Skip(paging.Skip).Take(paging.Size).ToListAsync();
        return TypedResults.Ok(new Page<DecisionView>(page.Select(ToView).ToList(), total));
    }

    public static async Task<Results<Ok<DecisionView>, ProblemHttpResult>> GetDecision(int year, Guid id, RecognitionDbContext db)
    {
        var decision = await db.Decisions.AsNoTracking().Include(d => d.Recipients).SingleOrDefaultAsync(d => d.Year == year && d.Id == id);
        return decision is null
            ? Problems.NotFound("decision_not_found", Messages.DecisionNotFound(id, year))
            : TypedResults.Ok(ToView(decision));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetCertificates(int year, Guid id, RecognitionDbContext db)
    {
        var decision = await db.Decisions.AsNoTracking().Include(d => d.Recipients).SingleOrDefaultAsync(d => d.Year == year && d.Id == id);
        if (decision is null)
        {
            return Problems.NotFound("decision_not_found", Messages.DecisionNotFound(id, year));
        }
        var nomineeIds = decision.Recipients.Select(r => r.NomineeId).OfType<Guid>().ToList();
        var wards = await db.Nominees.Where(n => nomineeIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Ward);
        var unitCodes = decision.Recipients.Select(r => r.UnitCode).OfType<string>().ToList();
        var units = await db.Units.Where(u => unitCodes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Name);
        return TypedResults.File(Certificates.Write(decision, wards, units), Certificates.MediaType, $"giay-khen-{decision.SignedOn:yyyy-MM-dd}.docx");
    }

    /// <summary>Unit codes as registered, matched without regard to case; a code no unit has is kept as given (a 404 later).</summary>
    private static async Task<List<string>> RegisteredCodesAsync(RecognitionDbContext db, IEnumerable<string?> given)
    {
        var codes = given.Select(c => c?.Trim() ?? "").ToList();
        var keys = codes.Select(UnitCodes.Key).ToList();
        var registered = await db.Units.Where(u => keys.Contains(u.Code.ToLower())).Select(u => u.Code).ToListAsync();
        return codes.Select(c => registered.FirstOrDefault(r => UnitCodes.Same(r, c)) ?? c).ToList();
    }

    private static DecisionView ToView(Decision d)
    {
        var amounts = d.Recipients.Select(r => r.Amount).Distinct().ToList();
        return new DecisionView(d.Id, d.Year, d.Number, d.SignedOn, d.Form, d.AmountSource, amounts.Count == 1 ? amounts[0] : null,
            d.Recipients.Sum(r => r.Amount),
            d.Recipients.OrderBy(r => r.Id).Select(r => new RecipientView(r.Kind, r.NomineeId, r.UnitCode, r.Name, r.Amount)).ToList(),
            d.DecidedBy ?? "", d.DecidedAt, d.Issuer ?? Certificates.DefaultIssuer, d.SignerTitle ?? Certificates.DefaultSignerTitle, d.SignerName,
            d.Achievement ?? Certificates.DefaultAchievement(d.Year));
    }
}
