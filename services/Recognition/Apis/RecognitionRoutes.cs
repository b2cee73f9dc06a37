using HoanKiem.Recognition.Data;
using HoanKiem.ServiceDefaults.Http;
using HoanKiem.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace HoanKiem.Recognition.Apis;

/// <summary>What every recognition endpoint shares: the secretariat-only year routes and safe saving.</summary>
public static class RecognitionRoutes
{
    public const long MaxAmount = 10_000_000_000;

    public static RouteGroupBuilder MapYearGroup(this IEndpointRouteBuilder app, string path, string tag) =>
        app.MapGroup($"/api/recognition/{{year:int}}{path}").WithTags(tag).RequireAuthorization(TokenAuthentication.SecretariatPolicy)
            .WithContestYear().WithIdempotency<RecognitionDbContext>();

    /// <summary>
    /// Saves, with a change of the figures of <paramref name="figuresOf"/> when given; a write that lost a race (the same
    /// recipient commended twice at once, a figure version taken by another writer) is the client's to retry: a 409,
    /// never a 500.
    /// </summary>
    public static async Task<ProblemHttpResult?> TrySaveAsync(RecognitionDbContext db, int? figuresOf = null)
    {
        try
        {
            if (figuresOf is { } year)
            {
                await db.SaveFiguresChangeAsync(year);
            }
            else
            {
                await db.SaveChangesAsync();
            }
            return null;
        }
        catch (DbUpdateException)
        {
            db.DiscardPendingChanges();
            return Problems.Conflict("concurrent_change", Messages.ConcurrentChange);
        }
    }
}
