namespace HoanKiem.Baseline.Bench;

/// <summary>The command line: the role first when this is a child process, then <c>--name value</c> pairs.</summary>
public sealed class Arguments
{
    private readonly Dictionary<string, string> values;

    private Arguments(string? role, Dictionary<string, string> values)
    {
        Role = role;
        this.values = values;
    }

    public string? Role { get; }

    public static Arguments Parse(string[] args)
    {
        var role = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : null;
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = role is null ? 0 : 1; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }
        return new Arguments(role, values);
    }

    public int Number(string name, int fallback) => values.TryGetValue(name, out var value) ? int.Parse(value) : fallback;

    public int Number(string name) => int.Parse(Text(name));

    public string Text(string name) =>
        values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is missing.");
}
