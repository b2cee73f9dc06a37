using HoanKiem.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HoanKiem.Gateway.Apis;

public sealed record Me(string ClientId, string Role, string? UnitCode, string? Name, string? JudgeId, IReadOnlyList<string> Permissions);

/// <summary>Who the token belongs to and what that role may do, so a client can shape its pages without guessing.</summary>
public static class MeApi
{
    private static readonly Dictionary<string, string[]> PermissionsByRole = new()
    {
        [Roles.Secretariat] =
        [
            "units.manage", "contests.configure", "quotas.manage", "entries.read", "refusals.read",
            "judging.manage", "results.read", "recognition.manage", "reports.read", "staff.manage", "credentials.manage", "audit.read"
        ],
        [Roles.Unit] = ["entries.submit", "entries.read_own", "quotas.read_own", "refusals.read_own", "credential.replace_own"],
        [Roles.Judge] = ["assignments.read_own", "scores.submit", "credential.replace_own"]
    };

    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me", GetMe).WithSummary("Who am I")
            .WithDescription("The token's client id, role, unit, name and judge id, and what that role may do, so a client can shape its pages without guessing.")
            .RequireAuthorization().RequireRateLimiting(GatewayExtensions.PerClientRateLimit).WithTags("Authentication");
        return app;
    }

    public static Ok<Me> GetMe(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        var caller = context.User.Caller();
        return TypedResults.Ok(new Me(caller.ClientId, caller.Role, caller.UnitCode, caller.Name, caller.JudgeId,
            PermissionsByRole.GetValueOrDefault(caller.Role, [])));
    }
}
