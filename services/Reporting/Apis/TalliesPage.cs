using System.Text;
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
        app.MapGet("/tallies/{year:int}", GetPage).WithSummary("The public tallies page")
            .WithDescription("An HTML page of the year's tallies for people; it reads the public tallies call.")
            .Produces(StatusCodes.Status200OK, typeof(string), "text/html")
            .WithContestYear().AllowAnonymous().WithTags("Tallies");
        app.MapGet("/tallies", RedirectToThisYear).WithSummary("This year's public tallies page")
            .WithDescription("Redirects to /tallies/{year} for the current year.")
            .Produces(StatusCodes.Status302Found)
            .AllowAnonymous().WithTags("Tallies");
        return app;
    }

    public static RedirectHttpResult RedirectToThisYear(TimeProvider clock) =>
        TypedResults.Redirect($"/tallies/{VietnamTime.Now(clock).Year}");

    public static ContentHttpResult GetPage() => TypedResults.Content(Html.Value, "text/html", Encoding.UTF8);
}
