using System.Diagnostics;
using System.Net.Http.Headers;
using HoanKiem.Contracts;
using HoanKiem.Reporting.Data;
using HoanKiem.Reporting.Models;
using HoanKiem.ServiceDefaults;
using HoanKiem.ServiceDefaults.Http;
using HoanKiem.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

// Reporting figures: the summary, the annual report (Markdown and .docx), the exports and the public tallies query
// for a year of N accepted entries (default 100,000) from 60 units, through the service's real HTTP pipeline on a
// real SQLite file. The data goes in through the same ledger the consumers use. Prints, asserts nothing.
// Usage: dotnet run -c Release --project bench/Reporting.Bench [-- entries]
const int Year = 2019;
var entryCount = args.Length > 0 ? int.Parse(args[0]) : 100_000;
var random = new Random(2019);
// WebApplicationFactory finds the service's content root through a manifest it looks up in the current directory.
Directory.SetCurrentDirectory(AppContext.BaseDirectory);

Console.WriteLine($"Reporting bench, {Environment.ProcessorCount} cores, {DateTime.UtcNow:u}, {entryCount:N0} entries");
await using var broker = await RabbitMqBroker.StartAsync();
await using var service = new BenchService(broker);
using var anonymous = service.CreateClient();
using var secretariat = service.CreateClient(TestCallers.Secretariat);
await Eventually.Until(async () => (await anonymous.GetAsync("/health")).IsSuccessStatusCode, healthy => healthy, TimeSpan.FromSeconds(120));

var units = Enumerable.Range(0, 60).Select(i => i < 18 ? $"phuong-{i:D2}" : $"don-vi-{i:D2}").ToArray();
var seeding = Stopwatch.StartNew();
await SeedAsync();
seeding.Stop();
var databaseBytes = new[] { "", "-wal" }.Select(suffix => new FileInfo(service.DatabasePath + suffix)).Where(f => f.Exists).Sum(f => f.Length);
Console.WriteLine($"Seeded in {seeding.Elapsed.TotalSeconds:F1} s; database {databaseBytes / 1_048_576.0:F1} MB (with its WAL)");
Console.WriteLine();

await Measure("GET summary", 20, () => secretariat.GetAsync($"/api/reports/{Year}/summary"));
await Measure("GET annual (Markdown)", 20, () => Annual("text/markdown"));
await Measure("GET annual (.docx)", 20, () => Annual("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
await Measure("GET tallies.csv", 20, () => secretariat.GetAsync($"/api/reports/{Year}/tallies.csv?month={Year}-06"));
await Measure("GET tallies.xlsx", 20, () => secretariat.GetAsync($"/api/reports/{Year}/tallies.xlsx?month={Year}-06"));
await Measure("GET tallies (public, pageSize 50)", 500, () => anonymous.GetAsync($"/api/reports/{Year}/tallies?month={Year}-06"));
await Measure("GET tallies (public, pageSize 200)", 500, () => anonymous.GetAsync($"/api/reports/{Year}/tallies?month={Year}-11&pageSize=200"));
await MeasureQuery();
await SaveSamplesAsync();

// The documents measured, kept for a human to open.
async Task SaveSamplesAsync()
{
    var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "hoankiem-reporting-bench")).FullName;
    await File.WriteAllBytesAsync(Path.Combine(folder, $"annual-{Year}.md"), await (await Annual("text/markdown")).Content.ReadAsByteArrayAsync());
    await File.WriteAllBytesAsync(Path.Combine(folder, $"annual-{Year}.docx"),
        await (await Annual("application/vnd.openxmlformats-officedocument.wordprocessingml.document")).Content.ReadAsByteArrayAsync());
    await File.WriteAllBytesAsync(Path.Combine(folder, $"tallies-{Year}-06.xlsx"),
        await (await secretariat.GetAsync($"/api/reports/{Year}/tallies.xlsx?month={Year}-06")).Content.ReadAsByteArrayAsync());
    Console.WriteLine($"Samples written to {folder}");
}

Task<HttpResponseMessage> Annual(string mediaType)
{
    var request = new HttpRequestMessage(HttpMethod.Get, $"/api/reports/{Year}/annual");
    request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(mediaType));
    return secretariat.SendAsync(request);
}

async Task Measure(string label, int runs, Func<Task<HttpResponseMessage>> call)
{
    var cold = Stopwatch.StartNew();
    var first = await call();
    cold.Stop();
    first.EnsureSuccessStatusCode();
    var size = (await first.Content.ReadAsByteArrayAsync()).Length;
    var times = new double[runs];
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        using var response = await call();
        await response.Content.ReadAsByteArrayAsync();
        times[i] = watch.Elapsed.TotalMilliseconds;
    }
    Array.Sort(times);
    Console.WriteLine($"{label,-36} first {cold.Elapsed.TotalMilliseconds,8:F1} ms | median {times[runs / 2],7:F2} ms | p95 {times[(int)(runs * 0.95)],7:F2} ms | max {times[^1],7:F2} ms | {size:N0} bytes");
}

async Task MeasureQuery()
{
    await using var scope = service.Services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
    var times = new double[500];
    for (var i = 0; i < times.Length; i++)
    {
        var watch = Stopwatch.StartNew();
        await db.TalliesAsync(Year, Year * 100 + 6, new PageRequest(1, 50), CancellationToken.None);
        times[i] = watch.Elapsed.TotalMilliseconds;
    }
    Array.Sort(times);
    Console.WriteLine($"{"tallies query alone (no HTTP)",-36} median {times[250]:F2} ms | p95 {times[475]:F2} ms");
}

async Task SeedAsync()
{
    await using var scope = service.Services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
    var opens = new DateTimeOffset(Year, 1, 1, 0, 0, 0, TimeSpan.FromHours(7));
    db.Contests.Add(new Contest { Year = Year, Title = "Viết về gương điển hình tiên tiến, người tốt, việc tốt", OpensAt = opens, ClosesAt = opens.AddMonths(11), MinWords = 1300, MaxWords = 1500 });
    foreach (var (code, i) in units.Select((c, i) => (c, i)))
    {
        db.Units.Add(new Unit { Code = code, Name = i < 18 ? $"Phường số {i + 1}" : $"Đơn vị số {i + 1}", Kind = i < 18 ? "ward" : "department", RegisteredAt = opens });
        db.Quotas.Add(new Quota { Year = Year, UnitCode = code, Target = Math.Max(1, entryCount / units.Length * random.Next(70, 130) / 100) });
    }
    await db.SaveChangesAsync();

    // Skewed like real units: some send many, a few send nothing.
    var weights = units.Select((_, i) => i % 13 == 12 ? 0 : 1 + random.NextDouble() * 2).ToArray();
    var cumulative = weights.Select((w, i) => weights.Take(i + 1).Sum() / weights.Sum()).ToArray();
    string PickUnit()
    {
        var draw = random.NextDouble();
        return units[Array.FindIndex(cumulative, c => c >= draw)];
    }
    DateTimeOffset Instant() => opens.AddSeconds(random.NextDouble() * 330 * 86_400);
    string[] rules = ["word_count_out_of_range", "missing_author_info", "missing_nominee_info", "nominee_outside_district"];

    // Bulk: the facts and their counter changes exactly as the ledger derives them, without a lookup per new entry.
    var ids = new Guid[entryCount];
    var owners = new string[entryCount];
    var counted = new List<TallyChange>();
    async Task SaveCountedAsync()
    {
        await using var work = await db.BeginWriteAsync();
        await db.SaveChangesAsync();
        await db.AddToTalliesAsync(counted, CancellationToken.None);
        await work.CommitAsync();
        counted.Clear();
        db.ChangeTracker.Clear();
    }
    for (var i = 0; i < entryCount; i++)
    {
        ids[i] = Guid.CreateVersion7();
        owners[i] = PickUnit();
        var entry = db.Entries.Add(new EntryFact { Id = ids[i], Year = Year, UnitCode = owners[i], ReceivedAt = Instant(), Version = 1 }).Entity;
        counted.AddRange(entry.Contribution());
        if (i % 8 == 0)
        {
            var refusal = db.Refusals.Add(new RefusalFact
            {
                AttemptId = Guid.CreateVersion7(), Year = Year, UnitCode = PickUnit(), AttemptedAt = Instant(),
                Code = i % 3 == 0 ? rules[random.Next(rules.Length)] : RefusalFact.DuplicateCode
            }).Entity;
            counted.Add(refusal.Contribution());
        }
        if (i % 10_000 == 9_999)
        {
            await SaveCountedAsync();
        }
    }
    await SaveCountedAsync();
    Console.WriteLine($"Bulk load of {entryCount:N0} entries: {seeding.Elapsed.TotalSeconds:F1} s");

    // One event per transaction, as the consumers record them: withdrawals and refusals through the ledger.
    var events = Stopwatch.StartNew();
    var perEvent = Math.Max(1, entryCount / 50);
    for (var i = 0; i < perEvent; i++)
    {
        var which = random.Next(entryCount);
        await using (var work = await db.BeginWriteAsync())
        {
            await db.RecordWithdrawnAsync(new EntryWithdrawn(ids[which], Year, owners[which], opens.AddDays(331)), CancellationToken.None);
            await db.RecordRefusedAsync(new EntryRefused(Guid.CreateVersion7(), Year, PickUnit(),
                i % 3 == 0 ? rules[random.Next(rules.Length)] : RefusalFact.DuplicateCode, Instant(), null, null, null), CancellationToken.None);
            await db.SaveChangesAsync();
            await work.CommitAsync();
        }
        db.ChangeTracker.Clear();
    }
    Console.WriteLine($"Ledger, one transaction per event: {2 * perEvent:N0} events in {events.Elapsed.TotalSeconds:F1} s ({2 * perEvent / events.Elapsed.TotalSeconds:N0} events/s)");

    string?[] prizes = ["first", "second", "second", "third", "third", "third", .. Enumerable.Repeat("encouragement", 10)];
    for (var rank = 1; rank <= 330; rank++)
    {
        db.JudgedEntries.Add(new JudgedEntry
        {
            Year = Year, EntryId = ids[rank], UnitCode = owners[rank], Title = $"Bài dự thi {rank}", Rank = rank, Score = 100 - rank / 10.0,
            Prize = rank <= prizes.Length ? prizes[rank - 1] : null, ForwardedToCity = rank <= 24
        });
        if (rank <= 18)
        {
            db.CityAwards.Add(new CityAward { Year = Year, EntryId = ids[rank], UnitCode = owners[rank], Outcome = rank <= 3 ? "Giải Ba" : "Giấy khen", RecordedAt = opens.AddMonths(12) });
        }
    }
    db.JudgingRounds.Add(new JudgingRound { Year = Year, FinalizedAt = opens.AddMonths(11) });
    db.RecognitionTotals.Add(new RecognitionTotals { Year = Year, Version = 1, NomineesIntroduced = 330, Verified = 280, Rejected = 50, Commended = 255, UnitsCommended = 27, TotalAmount = 90_300_000 });
    foreach (var code in units.Take(27))
    {
        db.CommendedUnits.Add(new CommendedUnit { Year = Year, DecisionNumber = "27/QĐ-UBND", UnitCode = code, SignedOn = new DateOnly(Year, 12, 20) });
    }
    await db.SaveChangesAsync();
}

// Any type of the service's assembly names its entry point; this console's own Program would hide the service's.
sealed class BenchService(RabbitMqBroker broker) : ServiceFactory<ReportingDbContext>(broker, ResourceNames.ReportingDb)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Error");
    }
}
