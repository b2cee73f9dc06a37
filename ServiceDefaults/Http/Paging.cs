using Microsoft.AspNetCore.Http.HttpResults;

namespace HoanKiem.ServiceDefaults.Http;

/// <summary>The contract's list shape: <c>{ items, total }</c>.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total);

/// <summary><c>page</c> (from 1) and <c>pageSize</c> (default 50, at most 200), bound with <c>[AsParameters]</c>.</summary>
public sealed record PageRequest(int? Page, int? PageSize)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 200;

    public int Number => Page ?? 1;
    public int Size => PageSize ?? DefaultSize;
    public int Skip => (Number - 1) * Size;

    /// <summary>A 400 problem when the values are out of range, else null.</summary>
    public ProblemHttpResult? Problem()
    {
        var errors = new Dictionary<string, string[]>();
        if (Number < 1 || Number > 1_000_000)
        {
            errors["page"] = ["page starts at 1."];
        }
        if (Size is < 1 or > MaxSize)
        {
            errors["pageSize"] = [$"pageSize must be between 1 and {MaxSize}."];
        }
        return errors.Count == 0 ? null : Problems.Validation(errors, "invalid_paging", "Invalid paging values.");
    }
}

public static class PagingExtensions
{
    public static Page<T> ToPage<T>(this IEnumerable<T> source, PageRequest request) =>
        source is ICollection<T> all
            ? new Page<T>(all.Skip(request.Skip).Take(request.Size).ToList(), all.Count)
            : source.ToList().ToPage(request);
}
