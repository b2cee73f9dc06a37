using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using HoanKiem.ServiceDefaults.Data;
using HoanKiem.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HoanKiem.ServiceDefaults.Http;

/// <summary>A client's <c>Idempotency-Key</c> and the first answer it got, kept in the service's database.</summary>
public sealed class IdempotencyRecord
{
    public const int MaxKeyLength = 200;

    public required string Scope { get; set; }
    public required string Key { get; set; }
    public required string RequestHash { get; set; }
    public int? StatusCode { get; set; }
    public string? ResponseBody { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public long CreatedAt { get; set; }
}

/// <summary>
/// The contract's <c>Idempotency-Key</c>: the same key with the same request replays the first answer and changes
/// nothing; the same key with another request is <c>409 idempotency_key_reused</c>. Keys are scoped per client and kept
/// for a day (a client retries within minutes); the stored answer leaves out what is <see cref="ShownOnceAttribute"/>.
/// </summary>
public static class Idempotency
{
    public const string HeaderName = "Idempotency-Key";
    public static readonly TimeSpan Retention = TimeSpan.FromDays(1);
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromSeconds(30);
    private static readonly ConditionalWeakTable<JsonSerializerOptions, JsonSerializerOptions> StoringOptions = new();

    /// <summary>
    /// Every write of the group honours the key, and runs whole again after a transient database failure (SQL Server's
    /// retrying strategy, <see cref="ServiceDbContext.RetryingAsync{TResult}"/>); reads pass through untouched.
    /// </summary>
    public static RouteGroupBuilder WithIdempotency<TContext>(this RouteGroupBuilder group) where TContext : ServiceDbContext
    {
        group.WithMetadata(IdempotentWriteMetadata.Instance);
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (HttpMethods.IsGet(http.Request.Method))
            {
                return await next(context);
            }
            var db = http.RequestServices.GetRequiredService<TContext>();
            Task<object?> Handle() => db.RetryingAsync(_ => next(context).AsTask(), http.RequestAborted);
            if (!http.Request.Headers.TryGetValue(HeaderName, out var values))
            {
                return await Handle();
            }
            var key = values.ToString();
            if (key.Length is 0 or > IdempotencyRecord.MaxKeyLength)
            {
                return Problems.Validation(HeaderName, $"An Idempotency-Key has 1 to {IdempotencyRecord.MaxKeyLength} characters.");
            }
            var scope = http.User.Caller().ClientId is { Length: > 0 } client ? client : "anonymous";
            var hash = await RequestHashAsync(http.Request);
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

            var existing = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Scope == scope && r.Key == key);
            if (existing is not null && Replay(existing, hash, now) is { } answer)
            {
                return answer;
            }
            if (existing is null)
            {
                db.IdempotencyRecords.Add(new IdempotencyRecord { Scope = scope, Key = key, RequestHash = hash, CreatedAt = now });
                try
                {
                    await db.SaveChangesAsync();
                }
                catch (DbUpdateException)
                {
                    db.DiscardPendingChanges();
                    var winner = await db.IdempotencyRecords.AsNoTracking().SingleAsync(r => r.Scope == scope && r.Key == key);
                    return Replay(winner, hash, now) ?? InProgress();
                }
            }

            var result = await Handle();
            db.DiscardPendingChanges();
            await Complete(db, scope, key, hash, now, result, http);
            return result;
        });
        return group;
    }

    private static IResult? Replay(IdempotencyRecord record, string hash, long now)
    {
        if (record.RequestHash != hash)
        {
            return Problems.Conflict("idempotency_key_reused", Messages.IdempotencyKeyReused);
        }
        if (record.StatusCode is { } status)
        {
            return new StoredResponse(status, record.ResponseBody, record.ContentType, record.Location);
        }
        return now - record.CreatedAt < AbandonedAfter.TotalMilliseconds ? InProgress() : null;
    }

    private static ProblemHttpResult InProgress() =>
        Problems.Conflict("idempotency_request_in_progress", Messages.IdempotencyInProgress);

    private static async Task Complete(ServiceDbContext db, string scope, string key, string hash, long now, object? result, HttpContext http)
    {
        // Handlers return Results<A, B>: the answer that went out is the one inside.
        var outcome = result;
        while (outcome is INestedHttpResult nested)
        {
            outcome = nested.Result;
        }
        var status = (outcome as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
        using var writing = await db.WriteLockAsync();
        if (status >= 500)
        {
            await db.IdempotencyRecords.Where(r => r.Scope == scope && r.Key == key).ExecuteDeleteAsync();
            return;
        }
        var value = (outcome as IValueHttpResult)?.Value;
        var json = Storing(http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions);
        var body = value is null ? null : JsonSerializer.Serialize(value, value.GetType(), json);
        var contentType = value is Microsoft.AspNetCore.Mvc.ProblemDetails ? "application/problem+json" : (outcome as IContentTypeHttpResult)?.ContentType ?? "application/json";
        var location = outcome?.GetType().GetProperty("Location")?.GetValue(outcome) as string;
        await db.IdempotencyRecords.Where(r => r.Scope == scope && r.Key == key && r.RequestHash == hash)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.StatusCode, status)
                .SetProperty(r => r.ResponseBody, body)
                .SetProperty(r => r.ContentType, body == null ? null : contentType)
                .SetProperty(r => r.Location, location)
                .SetProperty(r => r.CreatedAt, now));
    }

    /// <summary>Removes the keys older than <see cref="Retention"/>; returns how many.</summary>
    public static async Task<int> RemoveExpiredAsync(ServiceDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = (now - Retention).ToUnixTimeMilliseconds();
        using var writing = await db.WriteLockAsync(cancellationToken);
        return await db.IdempotencyRecords.Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The service's JSON options, with every <see cref="ShownOnceAttribute"/> member left unwritten.</summary>
    private static JsonSerializerOptions Storing(JsonSerializerOptions options) =>
        StoringOptions.GetValue(options, o => new JsonSerializerOptions(o)
        {
            TypeInfoResolver = (o.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(type =>
            {
                foreach (var property in type.Properties)
                {
                    if (property.AttributeProvider?.IsDefined(typeof(ShownOnceAttribute), inherit: true) == true)
                    {
                        property.ShouldSerialize = (_, _) => false;
                    }
                }
            })
        });

    private static async Task<string> RequestHashAsync(HttpRequest request)
    {
        if (!request.Body.CanSeek)
        {
            request.EnableBuffering();
        }
        request.Body.Position = 0;
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer)) > 0)
        {
            sha.AppendData(buffer, 0, read);
        }
        request.Body.Position = 0;
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    private sealed class StoredResponse(int status, string? body, string? contentType, string? location) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.Headers["Idempotent-Replayed"] = "true";
            // The endpoint's own filters (a credential's no-store among them) do not run for a replay: it is one
            // client's answer, and may be the one that carried a secret, so no cache keeps it.
            httpContext.Response.Headers.CacheControl = "no-store";
            if (location is not null)
            {
                httpContext.Response.Headers.Location = location;
            }
            if (body is not null)
            {
                httpContext.Response.ContentType = contentType ?? "application/json";
                await httpContext.Response.WriteAsync(body);
            }
        }
    }
}
