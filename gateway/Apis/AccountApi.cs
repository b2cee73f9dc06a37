using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using HoanKiem.Gateway.Identity;
using HoanKiem.ServiceDefaults.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace HoanKiem.Gateway.Apis;

/// <summary>
/// The sign-in page the authorize endpoint sends people to: a plain server-rendered form (account id and secret),
/// with an antiforgery token, no script and nothing loaded from elsewhere. A good sign-in sets the issuer's own
/// session cookie and goes back to the authorize request.
/// </summary>
public static class AccountApi
{
    public const string LoginPath = "/account/login";

    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").AllowAnonymous().ExcludeFromDescription();
        account.MapGet("/login", LoginPage);
        account.MapPost("/login", SignIn);
        return app;
    }

    public static ContentHttpResult LoginPage(HttpContext context, IAntiforgery antiforgery, [FromQuery] string? returnUrl) =>
        Page(context, antiforgery, LocalOrRoot(returnUrl), "", null, StatusCodes.Status200OK);

    public static async Task<IResult> SignIn(HttpContext context, IAntiforgery antiforgery, Accounts accounts, SignInThrottle throttle,
        [FromForm] string? accountId, [FromForm] string? secret, [FromForm] string? returnUrl)
    {
        var back = LocalOrRoot(returnUrl);
        var id = (accountId ?? "").Trim();
        var address = context.Connection.RemoteIpAddress;
        if (id.Length == 0 || string.IsNullOrEmpty(secret))
        {
            return Page(context, antiforgery, back, id, "Hãy nhập mã tài khoản và mật khẩu.", StatusCodes.Status400BadRequest);
        }
        if (throttle.RetryAfter(id, address) is { } wait)
        {
            throttle.Failed("login", SignInThrottle.Throttled, id, address);
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString();
            return Page(context, antiforgery, back, id,
                $"Đã nhập sai quá nhiều lần. Vui lòng thử lại sau {Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))} phút.",
                StatusCodes.Status429TooManyRequests);
        }
        Caller? caller;
        try
        {
            caller = await accounts.VerifyAsync(id, secret, context.RequestAborted);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            return Page(context, antiforgery, back, id, "Hệ thống chưa kiểm tra được tài khoản. Vui lòng thử lại sau ít phút.",
                StatusCodes.Status503ServiceUnavailable);
        }
        if (caller is null)
        {
            throttle.Failed("login", SignInThrottle.WrongCredentials, id, address);
            return Page(context, antiforgery, back, id, "Mã tài khoản hoặc mật khẩu không đúng.", StatusCodes.Status401Unauthorized);
        }
        var identity = new ClaimsIdentity(TokenClaims.For(caller).Append(TokenRequests.SignedInAtClaim(DateTimeOffset.UtcNow)),
            IssuerExtensions.AccountScheme, TokenClaims.Name, TokenClaims.Role);
        await context.SignInAsync(IssuerExtensions.AccountScheme, new ClaimsPrincipal(identity));
        return TypedResults.LocalRedirect(back);
    }

    /// <summary>Only a path on this site: a sign-in page must never send anyone elsewhere.</summary>
    private static string LocalOrRoot(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";

    private static ContentHttpResult Page(HttpContext context, IAntiforgery antiforgery, string returnUrl, string accountId, string? error, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var html = HtmlEncoder.Create(UnicodeRanges.All);
        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        var alert = error is null ? "" : $"""
            <p id="loi" role="alert" class="loi">{html.Encode(error)}</p>
            """;
        var described = error is null ? "" : " aria-describedby=\"loi\"";
        return TypedResults.Content($$"""
            <!DOCTYPE html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Đăng nhập — Người tốt, việc tốt</title>
            <style>
            body { font-family: system-ui, sans-serif; max-width: 26rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5; color: #1a1a1a; }
            label { display: block; margin-top: 1rem; font-weight: 600; }
            input { width: 100%; box-sizing: border-box; padding: .5rem; font-size: 1rem; border: 1px solid #555; border-radius: 4px; }
            button { margin-top: 1.5rem; padding: .6rem 1.2rem; font-size: 1rem; background: #0b5394; color: #fff; border: 0; border-radius: 4px; }
            input:focus, button:focus { outline: 3px solid #f4b400; outline-offset: 2px; }
            .loi { color: #a50e0e; background: #fce8e6; padding: .5rem .75rem; border-radius: 4px; }
            </style>
            </head>
            <body>
            <main>
            <h1>Đăng nhập</h1>
            <p>Phong trào “Người tốt, việc tốt” — dành cho Ban Thư ký, các đơn vị và giám khảo.</p>
            {{alert}}
            <form method="post" action="{{LoginPath}}">
            <input type="hidden" name="{{html.Encode(tokens.FormFieldName)}}" value="{{html.Encode(tokens.RequestToken ?? "")}}">
            <input type="hidden" name="returnUrl" value="{{html.Encode(returnUrl)}}">
            <label for="accountId">Mã tài khoản</label>
            <input id="accountId" name="accountId" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" maxlength="{{Accounts.MaxClientIdLength}}" required value="{{html.Encode(accountId)}}"{{described}}>
            <label for="secret">Mật khẩu (khoá bí mật)</label>
            <input id="secret" name="secret" type="password" autocomplete="current-password" maxlength="{{Accounts.MaxSecretLength}}" required{{described}}>
            <button type="submit">Đăng nhập</button>
            </form>
            </main>
            </body>
            </html>
            """, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
    }
}
