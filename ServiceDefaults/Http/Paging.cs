using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;

namespace HoanKiem.ServiceDefaults.Http;

/// <summary>The contract's list shape: <c>{ items, total }</c>.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total);

/// <summary>
/// <c>page</c> (from 1) and <c>pageSize</c> (default 50, at most 200), bound with <c>[AsParameters]</c>. An endpoint
/// that takes one answers values out of range with <c>400 invalid_paging</c> before its handler runs.
/// </summary>
public sealed record PageRequest(int? Page, int? PageSize) : IEndpointParameterMetadataProvider
{
    public const int DefaultSize = 50;
    public const int MaxSize = 200;
    private const int MaxNumber = 1_000_000;

    public int Number => Page ?? 1;
    public int Size => PageSize ?? DefaultSize;
    public int Skip => (Number - 1) * Size;

    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder) =>
        builder.FilterFactories.Add((_, next) => context =>
            context.Arguments.OfType<PageRequest>().FirstOrDefault()?.Problem() is { } problem
                ? ValueTask.FromResult<object?>(problem)
                : next(context));

    private ProblemHttpResult? Problem()
    {
        var errors = new Dictionary<string, string[]>();
        if (Number is < 1 or > MaxNumber)
        {
            errors["page"] = ["page starts at 1."];
        }
        if (Size is < 1 or > MaxSize)
        {
            errors["pageSize"] = [$"pageSize must be between 1 and {MaxSize}."];
        }
        return errors.Count == 0 ? null : Problems.Validation(errors, "invalid_paging", Messages.InvalidPaging);
    }
}

public static class PagingExtensions
{
    public static Page<T> ToPage<T>(this IEnumerable<T> source, PageRequest request) =>
        source is ICollection<T> all
            ? new Page<T>(all.Skip(request.Skip).Take(request.Size).ToList(), all.Count)
            : source.ToList().ToPage(request);
}
