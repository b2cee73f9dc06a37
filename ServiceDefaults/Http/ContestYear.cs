using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace HoanKiem.ServiceDefaults.Http;

/// <summary>The contest years every service's routes accept, and the one answer to a year outside them.</summary>
public static class ContestYear
{
    public const int Min = 2000;
    public const int Max = 2200;

    public static bool IsValid(int year) => year is >= Min and <= Max;

    public static ProblemHttpResult Invalid() => Problems.Validation("year", $"A contest year is between {Min} and {Max}.");

    /// <summary>
    /// Answers a <c>{year}</c> outside the contest years before anything else on the route runs (paging, body limit,
    /// idempotency record, handler), so such a request is refused the same way everywhere and changes nothing.
    /// </summary>
    public static TBuilder WithContestYear<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint => endpoint.FilterFactories.Insert(0, (_, next) => context =>
            int.TryParse(context.HttpContext.GetRouteValue("year") as string, NumberStyles.Integer, CultureInfo.InvariantCulture, out var year)
                && !IsValid(year)
                ? ValueTask.FromResult<object?>(Invalid())
                : next(context)));
        return builder;
    }
}
