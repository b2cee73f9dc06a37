using Microsoft.AspNetCore.Http.HttpResults;

namespace HoanKiem.ServiceDefaults.Http;

/// <summary>The contest years every service's routes accept, and the one answer to a year outside them.</summary>
public static class ContestYear
{
    public const int Min = 2000;
    public const int Max = 2100;

    public static bool IsValid(int year) => year is >= Min and <= Max;

    public static ProblemHttpResult Invalid() => Problems.Validation("year", $"A contest year is between {Min} and {Max}.");
}
