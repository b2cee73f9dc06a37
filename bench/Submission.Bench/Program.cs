using System.Diagnostics;
using HoanKiem.Submission.Corpus;
using HoanKiem.Submission.Duplicates;

// Duplicate detection figures: how similar light edits and different articles are, and what one check costs at
// 1k, 10k and 100k stored entries against a brute-force exact-Jaccard scan of the same store. Prints, asserts nothing.
// Usage: dotnet run -c Release --project bench/Submission.Bench [-- maxEntries]
const int Year = 2019;
var maxEntries = args.Length > 0 ? int.Parse(args[0]) : 100_000;
var sizes = new[] { 1_000, 10_000, 100_000 }.Where(n => n <= maxEntries).ToArray();

Console.WriteLine($"Duplicate detection bench, {Environment.ProcessorCount} cores, {DateTime.UtcNow:u}");
Console.WriteLine($"Shingles of {Shingles.Size} syllables, MinHash {MinHash.Length}, LSH {DuplicateIndex.Bands}×{DuplicateIndex.Rows}, threshold {DuplicateDetector.Threshold}");
Console.WriteLine();

await Similarities(1_000);
foreach (var size in sizes)
{
    await CheckCost(size);
}

async Task Similarities(int count)
{
    var articles = new Article[count];
    var fingerprints = new Fingerprint[count];
    Parallel.For(0, count, i => fingerprints[i] = Fingerprint.Of((articles[i] = ArticleCorpus.Generate(i)).Body));
    var highest = new double[count];
    Parallel.For(0, count, i =>
    {
        for (var j = 0; j < count; j++)
        {
            if (j != i)
            {
                highest[i] = Math.Max(highest[i], Shingles.Jaccard(fingerprints[i].Shingles, fingerprints[j].Shingles));
            }
        }
    });
    Array.Sort(highest);
    var words = articles.Select(a => ArticleCorpus.CountWords(a.Body)).ToArray();
    Console.WriteLine($"{count} distinct articles of {words.Min()}–{words.Max()} words, {count * (count - 1) / 2:N0} pairs: highest Jaccard {highest[^1]:F3}, " +
        $"99th percentile of each article's closest {highest[(int)(count * 0.99)]:F3}, median closest {highest[count / 2]:F3}");

    var detector = new DuplicateDetector();
    var ids = new Guid[count];
    var byId = new Dictionary<Guid, uint[]>();
    Task<IReadOnlyDictionary<Guid, uint[]>> Lookup(IReadOnlyCollection<Guid> wanted) =>
        Task.FromResult<IReadOnlyDictionary<Guid, uint[]>>(wanted.ToDictionary(id => id, id => byId[id]));
    var falsePositives = 0;
    for (var i = 0; i < count; i++)
    {
        falsePositives += await detector.FindAsync(Year, fingerprints[i], Lookup) is null ? 0 : 1;
        ids[i] = Guid.NewGuid();
        byId[ids[i]] = fingerprints[i].Shingles;
        detector.Add(new IndexedEntry(ids[i], Year, "unit", DateTimeOffset.UnixEpoch), fingerprints[i].Signature, i + 1);
    }
    Console.WriteLine($"False positives among them, each checked against those stored before it: {falsePositives}");

    async Task Row(string label, Func<int, Article> edit)
    {
        var similarities = new double[count];
        var edited = new Fingerprint[count];
        Parallel.For(0, count, i => similarities[i] = Shingles.Jaccard(fingerprints[i].Shingles, (edited[i] = Fingerprint.Of(edit(i).Body)).Shingles));
        var found = 0;
        for (var i = 0; i < count; i++)
        {
            found += (await detector.FindAsync(Year, edited[i], Lookup))?.Original.Id == ids[i] ? 1 : 0;
        }
        Console.WriteLine($"{label,-24}{similarities.Min(),8:F3}{similarities.Average(),8:F3}{(double)found / count,10:P1}");
    }
    Console.WriteLine($"{"edit",-24}{"min J",8}{"mean J",8}{"recall",10}");
    foreach (var kind in Enum.GetValues<EditKind>())
    {
        await Row(kind.ToString(), i => ArticleCorpus.Edit(articles[i], kind, i));
    }
    foreach (var share in new[] { 0.01, 0.02, 0.05, 0.08, 0.10, 0.15 })
    {
        await Row($"{share:P0} words replaced", i => ArticleCorpus.ReplaceWords(articles[i], share, i));
    }
    Console.WriteLine();
}

async Task CheckCost(int size)
{
    var detector = new DuplicateDetector();
    var stored = new uint[size][];
    var ids = new Guid[size];
    var build = Stopwatch.StartNew();
    Parallel.For(0, size, i =>
    {
        stored[i] = Shingles.Of(ArticleCorpus.Generate(i).Body);
        ids[i] = Guid.CreateVersion7();
    });
    var byId = new Dictionary<Guid, uint[]>(size);
    var signatures = new uint[size][];
    Parallel.For(0, size, i => signatures[i] = MinHash.Signature(stored[i]));
    for (var i = 0; i < size; i++)
    {
        byId[ids[i]] = stored[i];
    }
    var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
    for (var i = 0; i < size; i++)
    {
        detector.Add(new IndexedEntry(ids[i], Year, "unit", DateTimeOffset.UnixEpoch), signatures[i], i + 1);
    }
    build.Stop();
    var indexMegabytes = (GC.GetTotalMemory(forceFullCollection: true) - memoryBefore) / 1e6;

    // Half the checks are light edits of stored articles (found), half new articles (not found).
    var queries = Enumerable.Range(0, 200).Select(q => q % 2 == 0
        ? ArticleCorpus.Edit(ArticleCorpus.Generate(q * 37 % size), (EditKind)(q / 2 % 7), q).Body
        : ArticleCorpus.Generate(size + q).Body).ToArray();
    Task<IReadOnlyDictionary<Guid, uint[]>> Lookup(IReadOnlyCollection<Guid> wanted) =>
        Task.FromResult<IReadOnlyDictionary<Guid, uint[]>>(wanted.ToDictionary(id => id, id => byId[id]));

    DuplicateMatch? Check(Fingerprint fingerprint) => detector.FindAsync(Year, fingerprint, Lookup).GetAwaiter().GetResult();
    foreach (var body in queries.Take(20))
    {
        Check(Fingerprint.Of(body));
    }
    var found = 0;
    var check = Cost.Measure(queries.Length, q => found += Check(Fingerprint.Of(queries[q])) is null ? 0 : 1);
    var fingerprints = queries.Select(Fingerprint.Of).ToArray();
    var lookup = Cost.Measure(queries.Length * 5, q => Check(fingerprints[q % queries.Length]));

    var bruteQueries = Math.Max(4, Math.Min(queries.Length, 2_000_000 / size));
    var bruteFound = 0;
    var brute = Cost.Measure(bruteQueries, q =>
    {
        var shingles = Shingles.Of(queries[q]);
        var best = 0.0;
        foreach (var set in stored)
        {
            best = Math.Max(best, Shingles.Jaccard(shingles, set));
        }
        bruteFound += best >= DuplicateDetector.Threshold ? 1 : 0;
    });

    Console.WriteLine($"{size,7:N0} stored (built in {build.Elapsed.TotalSeconds:F0} s, index {indexMegabytes:F0} MB): check {check.Cpu,7:N0} µs CPU ({check.Wall:N0} wall), " +
        $"index part {lookup.Cpu:N0} µs, found {found}/{queries.Length}; brute force {brute.Cpu,9:N0} µs CPU ({brute.Wall:N0} wall), " +
        $"found {bruteFound}/{bruteQueries}; LSH {brute.Cpu / check.Cpu:N0}× faster");
}

/// <summary>
/// Per-operation cost in microseconds: wall time, and the measuring thread's own CPU time (CLOCK_THREAD_CPUTIME_ID),
/// which stays meaningful on a machine shared with other work. Where that clock is unavailable, CPU equals wall.
/// </summary>
static class Cost
{
    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, long[] time);

    public static (double Wall, double Cpu) Measure(int count, Action<int> operation)
    {
        var cpuBefore = ThreadCpuMicroseconds();
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            operation(i);
        }
        wall.Stop();
        var cpu = ThreadCpuMicroseconds() - cpuBefore;
        var wallPerOperation = wall.Elapsed.TotalMicroseconds / count;
        return (wallPerOperation, cpu is { } spent ? spent / count : wallPerOperation);
    }

    private static double? ThreadCpuMicroseconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }
        var time = new long[2];
        const int threadCpuClock = 3;
        return ClockGetTime(threadCpuClock, time) == 0 ? time[0] * 1e6 + time[1] / 1e3 : null;
    }
}
