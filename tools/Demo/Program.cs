using HoanKiem.Client;
using HoanKiem.Demo;
using Spectre.Console;

var gatewayAddress = Option("--gateway") ?? Environment.GetEnvironmentVariable("HOANKIEM_GATEWAY") ?? "http://localhost:5080";
// The secretariat's secret: given, or the one a local app host keeps under .data/ (run from the repository's root).
var secret = Option("--secret") ?? Environment.GetEnvironmentVariable("SECRETARIAT_SECRET")
    ?? (File.Exists(".data/secretariat-secret") ? File.ReadAllText(".data/secretariat-secret").Trim() : null);
var year = int.Parse(Option("--year") ?? DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).Year.ToString());
var entries = int.Parse(Option("--entries") ?? "300");
var judges = int.Parse(Option("--judges") ?? "7");
if (args.Contains("--help") || entries < 1 || judges < 1 || string.IsNullOrEmpty(secret))
{
    AnsiConsole.WriteLine("Fills one contest year through the gateway: dotnet run --project tools/Demo -- [--gateway http://localhost:5080] [--secret ...] [--year 2026] [--entries 300] [--judges 7]");
    return args.Contains("--help") ? 0 : 2;
}

using var gateway = new Gateway(new Uri(gatewayAddress));
var options = new DemoOptions(year, secret!, entries, judges);
AnsiConsole.Write(new Rule($"[bold]Người tốt, việc tốt – demo year {year}[/]"));
AnsiConsole.MarkupLine($"Gateway {Markup.Escape(gatewayAddress)}: {entries} distinct articles, {options.Resends} re-sent copies, {options.RuleBreaks} rule-breaking attempts, {judges} judges.");
AnsiConsole.MarkupLine("[grey]The server stamps every entry with the time it receives it, so the whole year's entries arrive today: the contest window is opened from 1 January (or yesterday) to past today, and the monthly tallies show them all in the current month.[/]");

DemoResult result;
try
{
    result = await AnsiConsole.Progress().AutoClear(false)
        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
        .StartAsync(async progress => await new DemoYear(gateway, options, new SpectreReporter(progress)).RunAsync());
}
catch (Exception e) when (e is DemoException or ApiException or HttpRequestException)
{
    AnsiConsole.MarkupLine($"[red]The demo stopped:[/] {Markup.Escape(e.Message)}");
    AnsiConsole.MarkupLine($"Is the system running? Start it with [bold]./run.sh[/] (or [bold]./run.sh --demo[/]) and check {Markup.Escape(gatewayAddress)}/health.");
    return 1;
}

if (result.AlreadyFilled is { } reason)
{
    AnsiConsole.MarkupLine($"[yellow]Nothing done:[/] {Markup.Escape(reason)} Pick another year with --year.");
}
else
{
    AnsiConsole.Write(Summary(result));
}
AnsiConsole.Write(new Rule("Where to look"));
AnsiConsole.MarkupLine($"  Web app:               {gatewayAddress}/ (sign in with an account below)");
foreach (var (role, account) in new[] { ("unit", result.UnitAccount), ("judge", result.JudgeAccount) })
{
    if (account is not null)
    {
        AnsiConsole.MarkupLine($"    as a {role,-5} {Markup.Escape(account.Name)}: account [bold]{Markup.Escape(account.ClientId)}[/], secret [bold]{Markup.Escape(account.Secret)}[/]");
    }
}
AnsiConsole.MarkupLine($"  Gateway (public API):  {gatewayAddress}");
AnsiConsole.MarkupLine($"  API reference:         {gatewayAddress}/api-reference");
AnsiConsole.MarkupLine($"  Public tallies page:   {gatewayAddress}/tallies/{year}");
AnsiConsole.MarkupLine($"  Year summary (secretariat token): {gatewayAddress}/api/reports/{year}/summary");
AnsiConsole.MarkupLine("  Aspire dashboard:      the login URL the app host printed (\"Login to the dashboard at ...\"): traces, metrics hoankiem.*, logs");
AnsiConsole.MarkupLine("  Walkthrough:           docs/walkthrough.md");
return 0;

string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

static Table Summary(DemoResult r)
{
    var table = new Table().Title($"Demo year {r.Year}").AddColumn("What").AddColumn(new TableColumn("How many").RightAligned());
    void Row(string what, object value) => table.AddRow(Markup.Escape(what), Markup.Escape(value.ToString() ?? ""));
    Row("Units registered (already registered)", $"{r.UnitsRegistered} ({r.UnitsAlreadyRegistered})");
    Row("Quotas set", r.QuotasSet);
    Row("Submission attempts", r.Attempts);
    Row("Entries accepted", r.EntriesAccepted);
    Row("Re-sent copies refused (409 duplicate_entry)", r.DuplicateAttempts);
    Row("Refused for the rules (422)", $"{r.RefusedAttempts}: {string.Join(", ", r.RefusalsByCode.Select(c => $"{c.Key} {c.Value}"))}");
    Row("Units over quota", $"{r.UnitsOverQuota.Count}: {string.Join(", ", r.UnitsOverQuota)}");
    Row("Units without entries", $"{r.UnitsWithoutEntries.Count}: {string.Join(", ", r.UnitsWithoutEntries)}");
    Row("Judges / scores given", $"{r.Judges} / {r.ScoresGiven}");
    Row("Entries ranked", r.Ranked);
    Row("Prizes", string.Join(", ", r.Prizes.Select(p => $"{p.Key} {p.Value}")));
    Row("Forwarded to the city / commended by the city", $"{r.ForwardedToCity} / {r.CommendedByCity}");
    Row("Nominees introduced / verified / rejected", $"{r.NomineesIntroduced} / {r.NomineesVerified} / {r.NomineesRejected}");
    Row("Nominees commended", r.NomineesCommended);
    Row("Units commended for their quota", r.UnitsCommended);
    Row("Movement titles recorded", r.MovementCommendations);
    Row("Money decided by the demo (VND)", r.AmountDecided.ToString("N0"));
    Row("Recognition's total for the year (VND)", r.TotalRewardAmount.ToString("N0"));
    Row("Surprises (answers the demo did not expect)", r.Surprises.Count == 0 ? "none" : string.Join("; ", r.Surprises));
    return table;
}

sealed class SpectreReporter(ProgressContext progress) : IDemoReporter
{
    private readonly Dictionary<string, ProgressTask> tasks = [];

    public void Begin(string stage, int total) => tasks[stage] = progress.AddTask(stage, maxValue: Math.Max(1, total));

    public void Advance(string stage, int by = 1) => tasks[stage].Increment(by);

    public void Note(string message) => AnsiConsole.MarkupLine($"[grey]·[/] {Markup.Escape(message)}");
}
