using System.Text;
using HoanKiem.Reporting.Models;
using HoanKiem.ServiceDefaults;
using HoanKiem.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HoanKiem.Reporting.Apis;

/// <summary>The public page of the monthly tallies; it calls the public tallies API itself, through the same origin.</summary>
public static class TalliesPage
{
    private static readonly Lazy<string> Html = new(() =>
    {
        using var stream = typeof(TalliesPage).Assembly.GetManifestResourceStream("HoanKiem.Reporting.Pages.tallies.html")!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    });

    public static IEndpointRouteBuilder MapTalliesPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/tallies/{year:int}", GetPage).WithContestYear().AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/tallies", RedirectToThisYear).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    public static RedirectHttpResult RedirectToThisYear(TimeProvider clock) =>
        TypedResults.Redirect($"/tallies/{VietnamTime.Now(clock).Year}");

    public static ContentHttpResult GetPage() => TypedResults.Content(Html.Value, "text/html", Encoding.UTF8);
}
