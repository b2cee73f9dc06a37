using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using HoanKiem.Web.Api;
using HoanKiem.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Antiforgery;

namespace HoanKiem.Web;

/// <summary>The web app's settings: the gateway that issues tokens and serves the API, and this client's secret.</summary>
public sealed class WebOptions
{
    public const string Section = "Auth";
    public const string ClientId = "web";
    public string Issuer { get; set; } = "";
    public string WebClientSecret { get; set; } = "";
    /// <summary>How long a session lasts without a request; every request renews it.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);
}

public static class WebExtensions
{
    public static WebApplicationBuilder AddWebApp(this WebApplicationBuilder builder)
    {
        // The app host runs the build output in any environment: the framework's scripts (_framework/blazor.web.js) are
        // found through the build's static web assets manifest, which only Development reads unless asked.
        builder.WebHost.UseStaticWebAssets();
        // Everything people read is Vietnamese: dates dd/MM/yyyy, 1.500 with a dot for thousands.
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("vi-VN");
        var options = builder.Configuration.GetSection(WebOptions.Section).Get<WebOptions>() ?? new WebOptions();
        builder.Services.Configure<WebOptions>(builder.Configuration.GetSection(WebOptions.Section));

        // Sessions live in the encrypted cookie: keys kept on disk mean a restart signs nobody out.
        var keys = builder.Configuration["DataProtection:KeysDirectory"]
            ?? Path.Combine(builder.Environment.ContentRootPath, "..", ".data", "web", "keys");
        builder.Services.AddDataProtection().SetApplicationName("hoankiem-web").PersistKeysToFileSystem(new DirectoryInfo(keys));

        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        // Vietnamese letters as they are, not as character references: pages a third the size.
        builder.Services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddHttpClient<GatewayApi>(client => client.BaseAddress = new Uri(options.Issuer.Length > 0 ? options.Issuer : "http://gateway"));
        builder.Services.AddSingleton<TokenRefresher>();

        // The gateway forwards every page request; links, cookies and the sign-in redirect use the address people typed.
        builder.Services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost);

        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(o =>
            {
                o.Cookie.Name = "hoankiem-session";
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.ExpireTimeSpan = options.IdleTimeout;
                o.SlidingExpiration = true;
                o.AccessDeniedPath = "/forbidden";
                o.Events.OnValidatePrincipal = context => context.HttpContext.RequestServices.GetRequiredService<TokenRefresher>().RefreshIfDueAsync(context);
            })
            .AddOpenIdConnect(o =>
            {
                o.Authority = options.Issuer;
                o.RequireHttpsMetadata = false;
                o.ClientId = WebOptions.ClientId;
                o.ClientSecret = options.WebClientSecret;
                o.ResponseType = "code";
                // The code comes back in the redirect's query: no self-submitting form, which a strict page policy could block.
                o.ResponseMode = "query";
                o.UsePkce = true;
                o.SaveTokens = true;
                o.MapInboundClaims = false;
                o.GetClaimsFromUserInfoEndpoint = false;
                o.Scope.Clear();
                foreach (var scope in new[] { "openid", "profile", "offline_access", "api" })
                {
                    o.Scope.Add(scope);
                }
                o.TokenValidationParameters.NameClaimType = "name";
                o.TokenValidationParameters.RoleClaimType = "role";
                o.SignedOutRedirectUri = "/";
                o.Events.OnRemoteFailure = context =>
                {
                    context.Response.Redirect("/?signin=failed");
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });
        builder.Services.AddAuthorization();
        return builder;
    }

    public static WebApplication UseWebApp(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>Sign-in hands over to the gateway's sign-in page; sign-out ends both this session and the gateway's.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/login", (string? returnUrl) =>
            TypedResults.Challenge(new AuthenticationProperties { RedirectUri = LocalPath(returnUrl) }));
        app.MapPost("/logout", () =>
            TypedResults.SignOut(new AuthenticationProperties { RedirectUri = "/" },
                [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]))
            .WithMetadata(new RequireAntiforgeryTokenAttribute());
        return app;
    }

    /// <summary>Only a path on this site: a link elsewhere must not ride on the sign-in redirect.</summary>
    public static string LocalPath(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}
