using HoanKiem.Client;
using HoanKiem.Demo;
using Spectre.Console;

var gatewayAddress = Option("--gateway") ?? Environment.GetEnvironmentVariable("HOANKIEM_GATEWAY") ?? "http://localhost:5080";
// The secretariat's secret: given, or the one a local app host keeps under .data/ (run from the repository's root).
var secret = Option("--secret") ?? Environment.GetEnvironmentVariable("SECRETARIAT_SECRET")
    ?? (File.Exists(".data/secretariat-secret") ? File.ReadAllText(".data/secretariat-secret").Trim() : null);
// A district year and a ward year by default, on either side of 1 July 2025, when the district was dissolved.
int[] years = Option("--year") is { } one ? [int.Parse(one)] : [2019, 2026];
var entries = int.Parse(Option("--entries") ?? "300");
var judges = int.Parse(Option("--judges") ?? "7");
if (args.Contains("--help") || entries < 1 || judges < 1 || string.IsNullOrEmpty(secret))
{
    AnsiConsole.WriteLine("Fills contest years through the gateway (by default 2019, organised by quận Hoàn Kiếm, and 2026, by phường Hoàn Kiếm): dotnet run --project tools/Demo -- [--gateway http://localhost:5080] [--secret ...] [--year 2026] [--entries 300] [--judges 7]");
    return args.Contains("--help") ? 0 : 2;
}

using var gateway = new Gateway(new Uri(gatewayAddress));
var results = new List<DemoResult>();
foreach (var year in years)
{
    var options = new DemoOptions(year, secret!, entries, judges);
    AnsiConsole.Write(new Rule($"[bold]Người tốt, việc tốt – demo year {year} ({(year > WardUnits.Reorganised.Year ? "phường" : "quận")} Hoàn Kiếm)[/]"));
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
        AnsiConsole.MarkupLine($"[yellow]Nothing done for {year}:[/] {Markup.Escape(reason)} Pick another year with --year.");
    }
    else
    {
        AnsiConsole.Write(Summary(result));
    }
    results.Add(result);
}
if (years.Length > 1)
{
    var secretariat = await gateway.SignInAsync("secretariat", secret!, CancellationToken.None);
    AnsiConsole.Write(await AcrossYears(secretariat, years.Min(), years.Max()));
}

AnsiConsole.Write(new Rule("Where to look"));
AnsiConsole.MarkupLine($"  Web app:               {gatewayAddress}/ (sign in with an account below)");
foreach (var (role, account) in results.SelectMany(r => new[] { ("unit", r.UnitAccount), ("judge", r.JudgeAccount) }))
{
    if (account is not null)
    {
        AnsiConsole.MarkupLine($"    as a {role,-5} {Markup.Escape(account.Name)}: account [bold]{Markup.Escape(account.ClientId)}[/], secret [bold]{Markup.Escape(account.Secret)}[/]");
    }
}
var lastYear = years.Max();
AnsiConsole.MarkupLine($"  Gateway (public API):  {gatewayAddress}");
AnsiConsole.MarkupLine($"  API reference:         {gatewayAddress}/api-reference");
AnsiConsole.MarkupLine($"  Public tallies page:   {gatewayAddress}/tallies/{lastYear}");
AnsiConsole.MarkupLine($"  Year summary (secretariat token): {gatewayAddress}/api/reports/{lastYear}/summary");
AnsiConsole.MarkupLine($"  Units across years (secretariat token): {gatewayAddress}/api/reports/units?from={years.Min()}&to={lastYear}");
AnsiConsole.MarkupLine("  Aspire dashboard:      the login URL the app host printed (\"Login to the dashboard at ...\"): traces, metrics hoankiem.*, logs");
AnsiConsole.MarkupLine("  Walkthrough:           docs/walkthrough.md");
return 0;

string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

// The movement's figures per unit across the years, predecessors summed into their successors.
static async Task<Table> AcrossYears(HoanKiemApi secretariat, int from, int to)
{
    var page = await secretariat.Reporting.GetUnitYearsAsync(from, to, 1, 200);
    var table = new Table().Title($"Units across {from}–{to}: " + string.Join("; ", page.Years.Select(y => $"{y.Year} {y.AreaName}")))
        .AddColumn("Unit now").AddColumn("Took in");
    foreach (var y in page.Years)
    {
        table.AddColumn(new TableColumn($"{y.Year} quota/accepted").RightAligned());
    }
    foreach (var unit in page.Items.Where(u => u.Years.Count > 0))
    {
        table.AddRow([Markup.Escape(unit.UnitName), Markup.Escape(string.Join(", ", unit.Predecessors)),
            .. page.Years.Select(y => unit.Years.FirstOrDefault(c => c.Year == y.Year) is { } c ? $"{c.Quota}/{c.Accepted}" : "")]);
    }
    return table;
}

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
