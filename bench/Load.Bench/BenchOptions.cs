namespace HoanKiem.Load.Bench;

/// <summary>Command-line options as <c>--name value</c> pairs.</summary>
public sealed record BenchOptions(string Gateway, string? Reporting, string Secret, int Units, int Concurrency, int Submissions, int Seconds, int WarmUp, double? Rate)
{
    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }
        string Text(string name, string fallback) => values.GetValueOrDefault(name, fallback);
        int Number(string name, int fallback) => values.TryGetValue(name, out var value) ? int.Parse(value) : fallback;
        return new BenchOptions(
            Text("gateway", "http://localhost:5080"),
            values.GetValueOrDefault("reporting"),
            values.GetValueOrDefault("secret") ?? Environment.GetEnvironmentVariable("SECRETARIAT_SECRET")
                ?? (File.Exists(".data/secretariat-secret") ? File.ReadAllText(".data/secretariat-secret").Trim()
                    : throw new ArgumentException("Give --secret (or SECRETARIAT_SECRET); a local app host keeps it in .data/secretariat-secret.")),
            Math.Clamp(Number("units", 50), 1, 200),
            Number("concurrency", 32),
            Number("submissions", 3000),
            Number("seconds", 10),
            Math.Max(0, Number("warm-up", 4000)),
            values.TryGetValue("rate", out var rate) ? double.Parse(rate, System.Globalization.CultureInfo.InvariantCulture) : null);
    }
}
