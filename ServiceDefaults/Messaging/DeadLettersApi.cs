using HoanKiem.ServiceDefaults.Audit;
using HoanKiem.ServiceDefaults.Data;
using HoanKiem.ServiceDefaults.Http;
using HoanKiem.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client.Exceptions;

namespace HoanKiem.ServiceDefaults.Messaging;

/// <summary>What the service's <c>_error</c> queues hold: the first <c>limit</c> letters, and how many there are in all.</summary>
public sealed record DeadLetterList(IReadOnlyList<DeadLetter> Items, long Total);

/// <summary>Which dead letters to move back: those of <c>queue</c> (else every queue), only <c>messageIds</c> if given.</summary>
public sealed record DeadLetterMove(string? Queue, IReadOnlyList<Guid>? MessageIds);

public sealed record DeadLettersMoved(IReadOnlyList<DeadLetter> Moved);

/// <summary>The secretariat's view of a service's dead letters and the move that gives them back, written once for every service.</summary>
public static class DeadLettersApi
{
    public const int MaxListed = 500;

    private static readonly Message UnknownQueue = new(
        "Dịch vụ này không có hàng đợi lỗi như vậy.", "This service has no such dead-letter queue.");
    private static readonly Message BrokerUnavailable = new(
        "Chưa kết nối được máy chủ hàng đợi; vui lòng thử lại sau.", "The message broker cannot be reached; try again later.");

    public static IEndpointRouteBuilder MapDeadLettersApi<TContext>(this IEndpointRouteBuilder app, string prefix) where TContext : ServiceDbContext
    {
        var group = app.MapGroup($"{prefix}/dead-letters").WithTags("Dead letters")
            .RequireAuthorization(TokenAuthentication.SecretariatPolicy).WithIdempotency<TContext>();
        group.MapGet("/", ListDeadLetters).WithName($"{typeof(TContext).Name}DeadLetters")
            .WithSummary("List dead letters")
            .WithDescription($"Messages this service's consumers gave up on after their retries, waiting in its _error queues: the queue, message id and type, when and why it failed (MassTransit's fault headers; never the message's content). Up to limit (1–{MaxListed}, default 100) are listed; total counts them all. Secretariat only.");
        group.MapPost("/moves", MoveDeadLetters<TContext>).WithName($"{typeof(TContext).Name}DeadLetterMoves")
            .WithSummary("Move dead letters back to their queues")
            .WithDescription("Once their cause is mended: every dead letter (or those of one queue, or the message ids named) goes back to the queue it failed on with its message id, so a consumer applies it once even if it had gone through before. Audited. Secretariat only.");
        return app;
    }

    public static async Task<Results<Ok<DeadLetterList>, ProblemHttpResult>> ListDeadLetters(int? limit, DeadLetterQueues queues, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxListed)
        {
            return Problems.Validation("limit", $"limit is between 1 and {MaxListed}.");
        }
        try
        {
            var ready = (await queues.DepthsAsync(cancellationToken)).Values.Sum();
            var items = await queues.ListAsync(limit ?? 100, cancellationToken);
            // A depth counts only the messages ready at that moment, not those another listing holds until it hands
            // them back; the ones listed here are there all the same.
            return TypedResults.Ok(new DeadLetterList(items, Math.Max(ready, items.Count)));
        }
        catch (BrokerUnreachableException)
        {
            return Unavailable();
        }
    }

    // The database comes from the request's services: ASP.NET Core's route handler analyzer fails (AD0001) on a POST
    // handler's parameter typed by a type parameter.
    public static async Task<Results<Ok<DeadLettersMoved>, ProblemHttpResult>> MoveDeadLetters<TContext>(DeadLetterMove move, DeadLetterQueues queues,
        HttpContext http, CancellationToken cancellationToken) where TContext : ServiceDbContext
    {
        if (move.Queue is { } queue && !queues.Queues.Contains(queue))
        {
            return Problems.NotFound("dead_letter_queue_not_found", UnknownQueue);
        }
        IReadOnlyList<DeadLetter> moved;
        try
        {
            moved = await queues.MoveAsync(move.Queue, move.MessageIds?.ToHashSet(), cancellationToken);
        }
        catch (BrokerUnreachableException)
        {
            return Unavailable();
        }
        var db = http.RequestServices.GetRequiredService<TContext>();
        Audit(db, Actor.Of(http.User), moved);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new DeadLettersMoved(moved));
    }

    /// <summary>One record per queue emptied, naming the messages that went back.</summary>
    private static void Audit(ServiceDbContext db, Actor actor, IReadOnlyList<DeadLetter> moved)
    {
        foreach (var letters in moved.GroupBy(letter => letter.Queue))
        {
            db.Audit(actor, "dead-letters.moved", "queue", letters.Key,
                new { to = DeadLetterQueues.OriginalQueue(letters.Key), messageIds = letters.Select(l => l.MessageId).ToList() });
        }
    }

    private static ProblemHttpResult Unavailable() => Problems.Create(StatusCodes.Status503ServiceUnavailable, "broker_unavailable", BrokerUnavailable);
}
