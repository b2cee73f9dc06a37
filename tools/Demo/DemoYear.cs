using System.Net;
using HoanKiem.Client;
using HoanKiem.Client.Judging;
using HoanKiem.Client.Recognition;
using HoanKiem.Client.Submission;
using HoanKiem.Contracts;
using HoanKiem.Submission.Corpus;

namespace HoanKiem.Demo;

/// <summary>
/// Fills one contest year through the gateway only, as the secretariat, the units' portals and the judges would:
/// units and quotas, a year of entries (some re-sent, some breaking the rules), a judged and finalised contest,
/// appraisals and commendation decisions. Entries are received "now": the contest window is opened around today.
/// Every call goes through the clients generated from the gateway's OpenAPI documents, with a new Idempotency-Key per
/// write (a real portal would reuse it when it retries after a timeout).
/// </summary>
public sealed class DemoYear(Gateway gateway, DemoOptions options, IDemoReporter reporter)
{
    /// <summary>How the re-sent copies differ from their originals, in turn: every edit the duplicate check sees through.</summary>
    private static readonly EditKind[] Edits = Enum.GetValues<EditKind>();
    private static readonly string[] OutsideWards = ["Phúc Xá", "Quán Thánh", "Văn Miếu", "Hàng Bột", "Bạch Đằng"];
    /// <summary>Old wards wholly in phường Hoàn Kiếm, as people still write them in a ward year, and the ward itself.</summary>
    private static readonly string[] WrittenInWardYear = ["Hàng Mã", "Hàng Bồ", "Hàng Đào", "Hàng Bạc", "Hàng Buồm", "Hàng Gai", "Lý Thái Tổ", "Hoàn Kiếm"];
    private static readonly string[] JudgeNames =
    [
        "Nguyễn Thị Thanh Hương", "Trần Quốc Bảo", "Lê Minh Tâm", "Phạm Thu Hà", "Đỗ Văn Khánh", "Vũ Hồng Nhung", "Hoàng Đức Long",
        "Bùi Thị Lan Anh", "Ngô Quang Vinh", "Đặng Mai Phương", "Lương Thế Hùng", "Tạ Thị Kim Oanh"
    ];

    private readonly Random random = new(options.Seed + options.Year);
    private const int PageSize = 200;
    private readonly int year = options.Year;
    /// <summary>A year after 1 July 2025, when the district was dissolved: phường Hoàn Kiếm organises it with its own units.</summary>
    private readonly bool wardYear = options.Year > WardUnits.Reorganised.Year;
    private IReadOnlyList<DemoUnit> Units => wardYear ? WardUnits.All : DistrictUnits.All;
    private HoanKiemApi secretariat = null!;
    private DemoAccount? unitAccount;
    private DemoAccount? judgeAccount;

    public async Task<DemoResult> RunAsync(CancellationToken cancellationToken = default)
    {
        secretariat = await gateway.SignInAsync("secretariat", options.SecretariatSecret, cancellationToken);
        await WaitForServicesAsync(cancellationToken);
        if (await ExistingDataAsync(cancellationToken) is { } existing)
        {
            return new DemoResult { Year = year, AlreadyFilled = existing };
        }

        var (portals, registered, known) = await RegisterUnitsAsync(cancellationToken);
        if (wardYear)
        {
            await RecordUnitChangesAsync(cancellationToken);
        }
        var contest = await secretariat.Submission.PutContestAsync(year, Key(), new ContestRequest
        {
            Title = $"Viết về gương điển hình tiên tiến, người tốt, việc tốt trong phong trào thi đua yêu nước {(wardYear ? "phường" : "quận")} Hoàn Kiếm",
            OpensAt = Earliest(new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.FromHours(7)), DateTimeOffset.UtcNow.AddDays(-1)),
            ClosesAt = Latest(new DateTimeOffset(year, 12, 31, 23, 59, 59, TimeSpan.FromHours(7)), DateTimeOffset.UtcNow.AddDays(60)),
            MinWords = 1300,
            MaxWords = 1500,
            DistrictWards = wardYear ? null : [.. District.Wards],
            Organiser = wardYear ? new OrganiserRequest { AreaCode = "phuong-hoan-kiem" } : null
        }, cancellationToken);
        if (contest.StatusCode == (int)HttpStatusCode.OK)
        {
            return new DemoResult { Year = year, AlreadyFilled = $"The contest of {year} already existed (the demo has just reset its title and window); it had no entries." };
        }

        var quotas = await SetQuotasAsync(cancellationToken);
        var sent = await SendEntriesAsync(portals, quotas, cancellationToken);
        var judged = await JudgeAsync(sent, cancellationToken);
        var recognised = await RecogniseAsync(sent, quotas, cancellationToken);

        var units = Units.Select(u => u.Code).ToList();
        return new DemoResult
        {
            Year = year,
            UnitsRegistered = registered,
            UnitsAlreadyRegistered = known,
            QuotasSet = quotas.Count,
            Attempts = sent.Attempts,
            EntriesAccepted = sent.Accepted.Count,
            DuplicateAttempts = sent.Duplicates.Count,
            RefusedAttempts = sent.Refusals.Count,
            RefusalsByCode = sent.Refusals.GroupBy(r => r.Code).ToDictionary(g => g.Key, g => g.Count()),
            Surprises = sent.Surprises,
            Judges = judged.Judges,
            ScoresGiven = judged.Scores,
            Ranked = judged.Ranked,
            Prizes = judged.Prizes,
            ForwardedToCity = judged.Forwarded,
            CommendedByCity = judged.CommendedByCity,
            NomineesIntroduced = recognised.Introduced,
            NomineesVerified = recognised.Verified,
            NomineesRejected = recognised.Rejected,
            NomineesCommended = recognised.Commended,
            UnitsCommended = recognised.UnitsCommended,
            MovementCommendations = recognised.Commendations,
            AmountDecided = recognised.AmountDecided,
            TotalRewardAmount = recognised.TotalAmount,
            UnitsOverQuota = units.Where(u => sent.AcceptedBy(u) > quotas[u]).ToList(),
            UnitsWithoutEntries = units.Where(u => sent.AcceptedBy(u) == 0).ToList(),
            UnitsSendingDuplicates = sent.Duplicates.Distinct().Order().ToList(),
            UnitsBreakingRules = sent.Refusals.Select(r => r.UnitCode).Distinct().Order().ToList(),
            UnitAccount = unitAccount,
            JudgeAccount = judgeAccount
        };
    }

    /// <summary>The gateway answers as soon as it is up; the services behind it may still be migrating their databases.</summary>
    private async Task WaitForServicesAsync(CancellationToken cancellationToken)
    {
        Func<Task>[] probes =
        [
            () => secretariat.Submission.ListUnitsAsync(1, 1, cancellationToken),
            () => secretariat.Judging.GetProgressAsync(year, cancellationToken),
            () => secretariat.Recognition.GetSummaryAsync(year, cancellationToken),
            () => secretariat.Reporting.GetSummaryAsync(year, cancellationToken)
        ];
        await EventuallyAsync("every service behind the gateway to answer",
            async () => await Task.WhenAll(probes.Select(AnswersAsync)), answered => answered.All(a => a), cancellationToken);
    }

    /// <summary>Whether the service answered as itself: a success or a refusal, not the gateway's 502/503 or a broken connection.</summary>
    private static async Task<bool> AnswersAsync(Func<Task> call)
    {
        try
        {
            await call();
            return true;
        }
        catch (ApiException e)
        {
            return e.StatusCode < 500;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private async Task<string?> ExistingDataAsync(CancellationToken cancellationToken)
    {
        var entries = await secretariat.Submission.ListEntriesAsync(year, unitCode: null, status: null, field: null, month: null, q: null, page: 1, pageSize: 1, cancellationToken);
        if (entries.Total is > 0 and var count)
        {
            return $"The contest of {year} already has {count} entries.";
        }
        var panel = await secretariat.Judging.GetProgressAsync(year, cancellationToken);
        return panel.Judges > 0 ? $"The panel of {year} already has judges." : null;
    }

    /// <summary>A unit registered before (by an earlier demo year) keeps its secret hidden; the secretariat then submits for it.</summary>
    private async Task<(Dictionary<string, HoanKiemApi?> Portals, int Registered, int Known)> RegisterUnitsAsync(CancellationToken cancellationToken)
    {
        reporter.Begin("Units", Units.Count);
        var portals = new Dictionary<string, HoanKiemApi?>();
        var registered = 0;
        foreach (var unit in Units)
        {
            try
            {
                var credentials = await secretariat.Submission.RegisterUnitAsync(Key(), new RegisterUnitRequest { Code = unit.Code, Name = unit.Name, Kind = unit.Kind }, cancellationToken);
                // One unit's secret is kept to print, so a newcomer can sign in to the web app as that unit at once.
                unitAccount ??= new DemoAccount(unit.Name, credentials.ClientId, credentials.ClientSecret);
                portals[unit.Code] = await gateway.SignInAsync(credentials.ClientId, credentials.ClientSecret, cancellationToken);
                registered++;
            }
            catch (ApiException e) when (e is { StatusCode: (int)HttpStatusCode.Conflict, Code: "unit_exists" })
            {
                portals[unit.Code] = null;
            }
            reporter.Advance("Units");
        }
        var known = Units.Count - registered;
        if (known > 0)
        {
            reporter.Note($"{known} units were registered before; their secrets are not shown twice, so the secretariat submits their entries for them (unitCode).");
        }
        return (portals, registered, known);
    }

    /// <summary>
    /// What became of the district's units on 1 July 2025, recorded once: a unit whose history already has a change, or
    /// that was never registered (no district year was filled), is left as it is.
    /// </summary>
    private async Task RecordUnitChangesAsync(CancellationToken cancellationToken)
    {
        foreach (var neighbour in WardUnits.Neighbours)
        {
            try
            {
                await secretariat.Submission.RegisterUnitAsync(Key(), new RegisterUnitRequest { Code = neighbour.Code, Name = neighbour.Name, Kind = neighbour.Kind }, cancellationToken);
            }
            catch (ApiException e) when (e is { StatusCode: (int)HttpStatusCode.Conflict, Code: "unit_exists" })
            {
            }
        }
        var recorded = 0;
        foreach (var change in WardUnits.Changes)
        {
            UnitHistoryView history;
            try
            {
                history = await secretariat.Submission.GetUnitHistoryAsync(change.Code, cancellationToken);
            }
            catch (ApiException e) when (e.StatusCode == (int)HttpStatusCode.NotFound)
            {
                continue;
            }
            if (history.Changes.Count > 0)
            {
                continue;
            }
            await secretariat.Submission.RecordUnitChangeAsync(change.Code, Key(), new UnitChangeRequest
            {
                Kind = change.Kind, EffectiveOn = WardUnits.Reorganised, Name = change.Name, Into = change.Into.Length > 0 ? [.. change.Into] : null
            }, cancellationToken);
            recorded++;
        }
        reporter.Note($"{recorded} changes of the district's units on {WardUnits.Reorganised:dd/MM/yyyy} recorded (renamed, merged into the ward's units, split).");
    }

    private static double Weight(UnitHabit habit) => habit switch
    {
        UnitHabit.Eager => 3,
        UnitHabit.Steady => 1,
        UnitHabit.RuleBreaker => 0.4,
        UnitHabit.Resender => 0.6,
        _ => 0
    };

    /// <summary>One quota for every unit: about what a steady unit sends, so eager units exceed it and quiet ones miss it.</summary>
    private async Task<Dictionary<string, int>> SetQuotasAsync(CancellationToken cancellationToken)
    {
        var perWeight = options.Entries / Units.Sum(u => Weight(u.Habit));
        var target = Math.Max(1, (int)Math.Round(perWeight * 1.1));
        reporter.Begin("Quotas", Units.Count);
        var quotas = new Dictionary<string, int>();
        foreach (var unit in Units)
        {
            await secretariat.Submission.PutQuotaAsync(year, unit.Code, Key(), new QuotaRequest { Target = target }, cancellationToken);
            quotas[unit.Code] = target;
            reporter.Advance("Quotas");
        }
        return quotas;
    }

    private enum Expectation { Accepted, Duplicate, Refused }

    private sealed record Send(DemoUnit Unit, Article Article, Expectation Expect, string? RefusalCode = null, bool WithoutContact = false);

    private sealed record Refusal(string UnitCode, string Code);

    private sealed class Sent
    {
        public int Attempts { get; set; }
        public Dictionary<Guid, (string UnitCode, Article Article)> Accepted { get; } = [];
        public List<string> Duplicates { get; } = [];
        public List<Refusal> Refusals { get; } = [];
        public List<string> Surprises { get; } = [];
        public int AcceptedBy(string unitCode) => Accepted.Values.Count(a => a.UnitCode == unitCode);
    }

    private async Task<Sent> SendEntriesAsync(Dictionary<string, HoanKiemApi?> portals, Dictionary<string, int> quotas, CancellationToken cancellationToken)
    {
        var plan = PlanSends();
        reporter.Begin("Entries", plan.Count);
        var sent = new Sent();
        foreach (var send in plan)
        {
            var article = send.Article;
            var portal = portals[send.Unit.Code];
            var request = new SubmitEntryRequest
            {
                Title = article.Title,
                Body = article.Body,
                Field = article.Field,
                UnitCode = portal is null ? send.Unit.Code : null,
                Author = new AuthorRequest
                {
                    FullName = send.Unit.Kind == "ward" ? $"Cán bộ văn hóa {send.Unit.Name.ToLowerInvariant()}" : $"Cán bộ thi đua {send.Unit.Name}",
                    Position = "Phụ trách thi đua – khen thưởng",
                    Phone = send.WithoutContact ? null : $"09{random.Next(10_000_000, 99_999_999)}"
                },
                Nominee = new NomineeRequest
                {
                    FullName = article.NomineeFullName,
                    BirthYear = article.NomineeBirthYear,
                    Position = article.NomineePosition,
                    Address = new AddressRequest { Street = $"{random.Next(1, 120)} {article.Street}", Ward = article.NomineeWard }
                }
            };
            sent.Attempts++;
            Expectation outcome;
            string? code = null;
            try
            {
                var receipt = await (portal ?? secretariat).Submission.SubmitEntryAsync(year, Key(), request, cancellationToken);
                sent.Accepted[receipt.Id] = (send.Unit.Code, article);
                outcome = Expectation.Accepted;
            }
            catch (ApiException e) when (e is { StatusCode: (int)HttpStatusCode.Conflict, Code: "duplicate_entry" })
            {
                (outcome, code) = (Expectation.Duplicate, e.Code);
                sent.Duplicates.Add(send.Unit.Code);
            }
            catch (ApiException e) when (e.StatusCode == (int)HttpStatusCode.UnprocessableEntity)
            {
                (outcome, code) = (Expectation.Refused, e.Code);
                sent.Refusals.Add(new Refusal(send.Unit.Code, code ?? "?"));
            }
            catch (ApiException e)
            {
                throw new DemoException($"Submitting '{article.Title}' for {send.Unit.Code}: {e.Message}");
            }
            if (outcome != send.Expect || (send.RefusalCode is not null && code != send.RefusalCode))
            {
                var surprise = $"{send.Unit.Code}: expected {send.RefusalCode ?? send.Expect.ToString()}, got {outcome} {code}";
                sent.Surprises.Add(surprise);
                reporter.Note(surprise);
            }
            reporter.Advance("Entries");
        }
        var over = Units.Count(u => sent.AcceptedBy(u.Code) > quotas[u.Code]);
        reporter.Note($"{sent.Accepted.Count} entries accepted, {sent.Duplicates.Count} re-sent copies refused as duplicates, {sent.Refusals.Count} refused for breaking the rules; {over} units over quota.");
        return sent;
    }

    /// <summary>
    /// The year's submissions in the order they arrive: distinct articles from units by habit, copies re-sent later
    /// (mostly through Hội Cựu chiến binh and Hội Chữ thập đỏ), and rule-breaking attempts from the units the report names.
    /// </summary>
    private List<Send> PlanSends()
    {
        var units = Units;
        var weights = units.Select(u => Weight(u.Habit)).ToArray();
        var nominees = new HashSet<string>();
        var originals = new List<Send>();
        for (var i = 0; i < options.Entries; i++)
        {
            var unit = units[WeightedIndex(weights)];
            Article article;
            do
            {
                article = ArticleCorpus.Generate(random.Next(), unit.Ward ?? Pick(wardYear ? WrittenInWardYear : District.Wards));
            }
            while (!nominees.Add(NomineeKey(article)));
            originals.Add(new Send(unit, article, Expectation.Accepted));
        }
        // Quiet units send one article now and then, never enough to matter.
        foreach (var quiet in units.Where(u => u.Habit == UnitHabit.Quiet && random.Next(3) == 0).Take(options.Entries / 50))
        {
            var k = random.Next(originals.Count);
            originals[k] = originals[k] with { Unit = quiet };
        }

        var plan = originals.ToList();
        var resenders = units.Where(u => u.Habit == UnitHabit.Resender).ToList();
        for (var i = 0; i < options.Resends; i++)
        {
            var at = random.Next(1, plan.Count + 1);
            var earlier = plan.Take(at).Where(s => s.Expect == Expectation.Accepted).ToList();
            var original = earlier.Count > 0 ? Pick(earlier) : plan.First(s => s.Expect == Expectation.Accepted);
            at = Math.Max(at, plan.IndexOf(original) + 1);
            var unit = i % 3 == 2 ? original.Unit : Pick(resenders);
            plan.Insert(at, new Send(unit, ArticleCorpus.Edit(original.Article, Edits[i % Edits.Length], random.Next()), Expectation.Duplicate));
        }

        var breakers = units.Where(u => u.Habit == UnitHabit.RuleBreaker).ToList();
        for (var i = 0; i < options.RuleBreaks; i++)
        {
            var unit = breakers[i % breakers.Count];
            var seed = random.Next();
            // The nominee's ward is checked before the length: a too short article names a ward of the year's area.
            var inside = wardYear ? Pick(WrittenInWardYear) : null;
            var send = (i % 4) switch
            {
                0 => new Send(unit, ArticleCorpus.Generate(seed, inside, minWords: 700, maxWords: 1100), Expectation.Refused, "word_count_out_of_range"),
                1 => new Send(unit, ArticleCorpus.Generate(seed, Pick(wardYear ? WardUnits.OutsideWards : OutsideWards)), Expectation.Refused, "nominee_outside_district"),
                2 => new Send(unit, ArticleCorpus.Generate(seed, inside, minWords: 1600, maxWords: 1800), Expectation.Refused, "word_count_out_of_range"),
                _ => new Send(unit, ArticleCorpus.Generate(seed, inside), Expectation.Refused, "missing_author_info", WithoutContact: true)
            };
            plan.Insert(random.Next(plan.Count + 1), send);
        }
        return plan;
    }

    private sealed record Judged(int Judges, int Scores, int Ranked, Dictionary<string, int> Prizes, int Forwarded, int CommendedByCity);

    /// <summary>What the city's round gives back, as its decisions word it, for the first forwarded entries.</summary>
    private static readonly string[] CityOutcomes = ["Giải Ba", "Giấy khen", "Giấy khen"];

    private async Task<Judged> JudgeAsync(Sent sent, CancellationToken cancellationToken)
    {
        var accepted = sent.Accepted.Count;
        var small = accepted < 100;
        await secretariat.Judging.PutSettingsAsync(year, Key(), new SettingsRequest
        {
            JudgesPerEntry = Math.Min(3, options.Judges),
            Prizes = small
                ? new PrizeCountsRequest { First = 1, Second = 1, Third = 2, Encouragement = Math.Max(1, accepted / 6) }
                : new PrizeCountsRequest { First = 1, Second = 2, Third = 3, Encouragement = 10 },
            CityForwardCount = small ? Math.Max(1, accepted / 5) : 24
        }, cancellationToken);

        var judges = new List<HoanKiemApi>();
        reporter.Begin("Judges", options.Judges);
        for (var i = 0; i < options.Judges; i++)
        {
            var judge = await secretariat.Judging.AddJudgeAsync(year, Key(), new AddJudgeRequest { FullName = JudgeNames[i % JudgeNames.Length] }, cancellationToken);
            judgeAccount ??= new DemoAccount(JudgeNames[i % JudgeNames.Length], judge.ClientId, judge.ClientSecret);
            judges.Add(await gateway.SignInAsync(judge.ClientId, judge.ClientSecret, cancellationToken));
            reporter.Advance("Judges");
        }

        // The panel learns of entries from submission's events: assign once it has heard of all of them.
        await EventuallyAsync("judging to receive every accepted entry",
            async () => (await secretariat.Judging.GetProgressAsync(year, cancellationToken)).Entries, count => count >= accepted, cancellationToken);
        var run = await secretariat.Judging.AssignEntriesAsync(year, null, null, Key(), cancellationToken);
        reporter.Note($"Assigned {run.Entries} entries to {run.Judges} judges, {run.MinPerJudge}–{run.MaxPerJudge} each.");

        var rubric = (await secretariat.Judging.GetSettingsAsync(year, cancellationToken)).Rubric.Select(c => (c.Key, Max: c.MaxPoints)).ToList();
        // Each article has a merit the judges roughly agree on; their scores scatter around it.
        var merit = sent.Accepted.Keys.ToDictionary(id => id, _ => 0.45 + random.NextDouble() * 0.5);
        reporter.Begin("Scores", run.Entries * Math.Min(3, options.Judges));
        var scores = await Task.WhenAll(judges.Select((judge, i) => ScoreAllAsync(judge, rubric, merit, new Random(options.Seed * 31 + i), cancellationToken)));

        var results = await secretariat.Judging.FinalizeResultsAsync(year, null, 1, 1, Key(), cancellationToken);
        var ranked = await AllAsync(page => secretariat.Judging.GetResultsAsync(year, null, page, PageSize, cancellationToken), p => p.Items, p => p.Total);
        var prizes = ranked.Where(r => r.Prize is not null).GroupBy(r => r.Prize!).ToDictionary(g => g.Key, g => g.Count());
        var forwarded = ranked.Count(r => r.ForwardedToCity);
        reporter.Note($"Finalised: {results.Total} entries ranked, {prizes.Values.Sum()} prizes, {forwarded} forwarded to the city.");
        var commended = ranked.Where(r => r.ForwardedToCity).Zip(CityOutcomes).ToList();
        foreach (var (entry, outcome) in commended)
        {
            await secretariat.Judging.RecordCityOutcomeAsync(year, entry.EntryId, Key(), new CityOutcomeRequest { Outcome = outcome }, cancellationToken);
        }
        return new Judged(judges.Count, scores.Sum(), ranked.Count, prizes, forwarded, commended.Count);
    }

    private async Task<int> ScoreAllAsync(HoanKiemApi judge, List<(string Key, int Max)> rubric, Dictionary<Guid, double> merit, Random hand, CancellationToken cancellationToken)
    {
        var mine = await AllAsync(page => judge.Judging.MyAssignmentsAsync(year, page, PageSize, cancellationToken), p => p.Items, p => p.Total);
        var given = 0;
        foreach (var assignment in mine.Where(a => !a.Scored))
        {
            var quality = merit.GetValueOrDefault(assignment.EntryId, 0.6);
            var points = rubric.ToDictionary(c => c.Key, c => Math.Clamp(Math.Round(c.Max * (quality + (hand.NextDouble() - 0.5) * 0.2)), 0, c.Max));
            await judge.Judging.PutMyScoreAsync(year, assignment.EntryId, Key(), new ScoreRequest
            {
                Scores = points,
                Comment = quality > 0.8 ? "Bài viết sinh động, nhân vật tiêu biểu." : quality < 0.55 ? "Nội dung còn chung chung, ít chi tiết." : null
            }, cancellationToken);
            given++;
            reporter.Advance("Scores");
        }
        return given;
    }

    private sealed record Recognised(int Introduced, int Verified, int Rejected, int Commended, int UnitsCommended, int Commendations, long AmountDecided, long TotalAmount);

    private async Task<Recognised> RecogniseAsync(Sent sent, Dictionary<string, int> quotas, CancellationToken cancellationToken)
    {
        var expected = sent.Accepted.Values.Select(a => NomineeKey(a.Article)).Distinct().Count();
        var nominees = await EventuallyAsync("recognition to receive every nominee",
            () => AllAsync(page => secretariat.Recognition.ListNomineesAsync(year, null, page, PageSize, cancellationToken), p => p.Items, p => p.Total),
            n => n.Count >= expected, cancellationToken);

        reporter.Begin("Appraisals", nominees.Count);
        var verified = new List<Guid>();
        var rejected = 0;
        foreach (var nominee in nominees)
        {
            var ok = random.NextDouble() > 0.12;
            await secretariat.Recognition.AppraiseAsync(year, nominee.Id, Key(), new AppraisalRequest
            {
                Outcome = ok ? "verified" : "rejected",
                Note = ok ? "Đã xác minh tại tổ dân phố, đúng người đúng việc." : "Không xác minh được việc làm nêu trong bài; người được giới thiệu đã chuyển đi."
            }, cancellationToken);
            if (ok)
            {
                verified.Add(nominee.Id);
            }
            else
            {
                rejected++;
            }
            reporter.Advance("Appraisals");
        }

        var signedOn = DateOnly.FromDateTime(Earliest(new DateTimeOffset(year, 12, 20, 0, 0, 0, TimeSpan.Zero), DateTimeOffset.UtcNow).UtcDateTime);
        // The district's certificate ended with the district level on 30/06/2025; the ward chairman's took over.
        var form = signedOn <= new DateOnly(2025, 6, 30) ? "giay-khen-chu-tich-huyen" : "giay-khen-chu-tich-xa";
        var total = 0L;
        if (verified.Count > 0)
        {
            total += await DecideAsync(new DecisionRequest { Number = $"{random.Next(1000, 4000)}/QĐ-UBND", SignedOn = signedOn, Form = form, NomineeIds = verified }, cancellationToken);
        }

        var overQuota = Units.Select(u => u.Code).Where(u => sent.AcceptedBy(u) > quotas[u]).ToHashSet();
        var proposed = await EventuallyAsync("recognition to propose the units over quota",
            async () => (await AllAsync(page => secretariat.Recognition.ListProposedUnitsAsync(year, page, PageSize, cancellationToken), p => p.Items, p => p.Total))
                .Select(u => u.UnitCode).ToList(),
            codes => overQuota.SetEquals(codes), cancellationToken);
        if (proposed.Count > 0)
        {
            total += await DecideAsync(new DecisionRequest { Number = $"{random.Next(4000, 6000)}/QĐ-UBND", SignedOn = signedOn, Form = form, UnitCodes = proposed }, cancellationToken);
        }

        var commendations = MovementTitles().ToList();
        foreach (var title in commendations)
        {
            total += (await secretariat.Recognition.CommendAsync(year, Key(), title, cancellationToken)).Amount;
        }
        var summary = await secretariat.Recognition.GetSummaryAsync(year, cancellationToken);
        reporter.Note($"{verified.Count} nominees verified and commended, {rejected} rejected; {proposed.Count} units commended for exceeding their quota; {commendations.Count} movement titles.");
        return new Recognised(nominees.Count, verified.Count, rejected, verified.Count, proposed.Count, commendations.Count, total, summary.TotalAmount);
    }

    /// <summary>Signs a decision at the reward table's amount; a year the table does not cover gets a fixed amount instead.</summary>
    private async Task<long> DecideAsync(DecisionRequest decision, CancellationToken cancellationToken)
    {
        try
        {
            return (await secretariat.Recognition.DecideAsync(year, Key(), decision, cancellationToken)).TotalAmount;
        }
        catch (ApiException e) when (e.Code == "reward_table_incomplete")
        {
            decision.AmountPerRecipient = 500_000;
            return (await secretariat.Recognition.DecideAsync(year, Key(), decision, cancellationToken)).TotalAmount;
        }
    }

    private IEnumerable<CommendationRequest> MovementTitles()
    {
        var number = $"{random.Next(6000, 7000)}/QĐ-UBND";
        foreach (var ward in new[] { "Hàng Gai", "Lý Thái Tổ", "Hàng Trống" })
        {
            var group = wardYear ? $"Tổ dân phố số {random.Next(1, 20)} khu dân cư {ward} phường Hoàn Kiếm" : $"Tổ dân phố số {random.Next(1, 20)} phường {ward}";
            yield return new CommendationRequest { Category = "cultural-residential-group", Name = group, UnitCode = $"phuong-{DistrictUnits.Slug(ward)}", Field = "culture-society", Amount = 1_000_000, DecisionNumber = number };
        }
        foreach (var family in new[] { "Gia đình ông Nguyễn Văn Thịnh", "Gia đình bà Trần Thị Huệ", "Gia đình ông Lê Quang Vinh", "Gia đình bà Phạm Thu Yên" })
        {
            yield return new CommendationRequest { Category = "cultural-family", Name = $"{family} phường {(wardYear ? "Hoàn Kiếm" : Pick(District.Wards))}", UnitCode = null, Field = "culture-society", Amount = 500_000, DecisionNumber = number };
        }
        yield return new CommendationRequest { Category = "collective", Name = wardYear ? "Đội thanh niên tình nguyện Đoàn Thanh niên phường Hoàn Kiếm" : "Đội thanh niên tình nguyện Quận đoàn Hoàn Kiếm", UnitCode = wardYear ? "doan-phuong-hoan-kiem" : "quan-doan", Field = "front-unions", Amount = 2_000_000, DecisionNumber = number };
        yield return new CommendationRequest { Category = "individual", Name = "Ông Đỗ Trọng Nghĩa, bảo vệ dân phố phường Hàng Bạc", UnitCode = "phuong-hang-bac", Field = "defense-security", Amount = 1_000_000, DecisionNumber = number };
    }

    private static string Key() => HoanKiemApi.NewIdempotencyKey();

    /// <summary>Every item of a paged list, a page at a time.</summary>
    private static async Task<List<T>> AllAsync<TPage, T>(Func<int, Task<TPage>> fetch, Func<TPage, List<T>> items, Func<TPage, int> total)
    {
        var all = new List<T>();
        for (var page = 1; ; page++)
        {
            var answer = await fetch(page);
            all.AddRange(items(answer));
            if (all.Count >= total(answer) || items(answer).Count == 0)
            {
                return all;
            }
        }
    }

    private async Task<T> EventuallyAsync<T>(string what, Func<Task<T>> probe, Func<T, bool> done, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + options.EventualTimeout;
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new DemoException($"Waited {options.EventualTimeout.TotalSeconds:0} s for {what}; is the broker up?");
            }
            await Task.Delay(250, cancellationToken);
        }
    }

    private int WeightedIndex(double[] weights)
    {
        var roll = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }
        return weights.Length - 1;
    }

    /// <summary>
    /// Recognition keeps one nominee per name and ward, compared without case or diacritics; in a ward year old wards'
    /// names become the ward's, so the name alone keeps the demo's nominees apart.
    /// </summary>
    private string NomineeKey(Article article) =>
        $"{ArticleCorpus.StripDiacritics(article.NomineeFullName).ToLowerInvariant()}|{(wardYear ? "" : ArticleCorpus.StripDiacritics(article.NomineeWard).ToLowerInvariant())}";

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Latest(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
