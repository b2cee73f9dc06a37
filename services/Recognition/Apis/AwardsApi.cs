using HoanKiem.Recognition.Data;
using HoanKiem.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Recognition.Apis;

public sealed record AwardView(Guid EntryId, int Rank, string Prize, string Title, string UnitCode, long Amount, bool ForwardedToCity, Guid? NomineeId);

public static class AwardsApi
{
    public static IEndpointRouteBuilder MapAwardsApi(this IEndpointRouteBuilder app)
    {
        app.MapYearGroup("/awards", "Awards").MapGet("/", ListAwards).WithSummary("List the prizes awarded")
            .WithDescription("The contest's prizes from the panel's final results, best rank first, with the money recorded for each. Paged.");
        return app;
    }

    /// <summary>The contest's prizes from the panel's final results, best rank first, with the money recorded for each.</summary>
    public static async Task<Ok<Page<AwardView>>> ListAwards(int year, [AsParameters] PageRequest paging, RecognitionDbContext db)
    {
        var awards = db.Awards.AsNoTracking().Where(a => a.Year == year);
        var total = await awards.CountAsync();
        var page = await (from a in awards
                          join e in db.NomineeEntries on a.EntryId equals e.EntryId into entries
                          from e in entries.DefaultIfEmpty()
                          orderby a.Rank
                          select new AwardView(a.EntryId, a.Rank, a.Prize, a.Title, a.UnitCode, a.Amount, a.ForwardedToCity, e == null ? null : e.NomineeId))
            .Skip(paging.Skip).Take(paging.Size).ToListAsync();
        return TypedResults.Ok(new Page<AwardView>(page, total));
    }
}
