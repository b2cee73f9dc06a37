using System.Net;
using System.Text.Json;
using HoanKiem.Contracts;

namespace HoanKiem.Demo;

/// <summary>
/// Fills one contest year through the gateway only, as the secretariat, the units' portals and the judges would:
/// units and quotas, a year of entries (some re-sent, some breaking the rules), a judged and finalised contest,
/// appraisals and commendation decisions. Entries are received "now": the contest window is opened around today.
/// </summary>
public sealed class DemoYear(Gateway gateway, DemoOptions options, IDemoReporter reporter)
{
    private static readonly string[] OutsideWards = ["Phúc Xá", "Quán Thánh", "Văn Miếu", "Hàng Bột", "Bạch Đằng"];
    private static readonly string[] JudgeNames =
    [
        "Nguyễn Thị Thanh Hương", "Trần Quốc Bảo", "Lê Minh Tâm", "Phạm Thu Hà", "Đỗ Văn Khánh", "Vũ Hồng Nhung", "Hoàng Đức Long",
        "Bùi Thị Lan Anh", "Ngô Quang Vinh", "Đặng Mai Phương", "Lương Thế Hùng", "Tạ Thị Kim Oanh"
    ];

    private readonly Random random = new(options.Seed + options.Year);
    private readonly int year = options.Year;
    private string secretariat = "";

    public async Task<DemoResult> RunAsync(CancellationToken cancellationToken = default)
    {
        secretariat = await gateway.TokenAsync("secretariat", options.SecretariatSecret, cancellationToken);
        await WaitForServicesAsync(cancellationToken);
        if (await ExistingDataAsync(cancellationToken) is { } existing)
        {
            return new DemoResult { Year = year, AlreadyFilled = existing };
        }

        var (portals, registered, known) = await RegisterUnitsAsync(cancellationToken);
        var contest = await gateway.PutAsync($"/api/contests/{year}", new
        {
            title = "Viết về gương điển hình tiên tiến, người tốt, việc tốt trong phong trào thi đua yêu nước quận Hoàn Kiếm",
            opensAt = Earliest(new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.FromHours(7)), DateTimeOffset.UtcNow.AddDays(-1)),
            closesAt = Latest(new DateTimeOffset(year, 12, 31, 23, 59, 59, TimeSpan.FromHours(7)), DateTimeOffset.UtcNow.AddDays(60)),
            minWords = 1300,
            maxWords = 1500,
            districtWards = District.Wards
        }, secretariat, cancellationToken);
        if (contest.Status == HttpStatusCode.OK)
        {
            return new DemoResult { Year = year, AlreadyFilled = $"The contest of {year} already existed (the demo has just reset its title and window); it had no entries." };
        }
        contest.Expect(HttpStatusCode.Created);

        var quotas = await SetQuotasAsync(cancellationToken);
        var sent = await SendEntriesAsync(portals, quotas, cancellationToken);
        var judged = await JudgeAsync(sent, cancellationToken);
        var recognised = await RecogniseAsync(sent, quotas, cancellationToken);

        var units = DistrictUnits.All.Select(u => u.Code).ToList();
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
            UnitsBreakingRules = sent.Refusals.Select(r => r.UnitCode).Distinct().Order().ToList()
        };
    }

    /// <summary>The gateway answers as soon as it is up; the services behind it may still be migrating their databases.</summary>
    private async Task WaitForServicesAsync(CancellationToken cancellationToken)
    {
        string[] probes = [$"/api/units?pageSize=1", $"/api/judging/{year}/progress", $"/api/recognition/{year}/summary", $"/api/reports/{year}/summary"];
        await EventuallyAsync("every service behind the gateway to answer",
            async () => await Task.WhenAll(probes.Select(p => gateway.GetAsync(p, secretariat, cancellationToken))),
            replies => replies.All(r => (int)r.Status < 500), cancellationToken);
    }

    private async Task<string?> ExistingDataAsync(CancellationToken cancellationToken)
    {
        var entries = (await gateway.GetAsync($"/api/contests/{year}/entries?pageSize=1", secretariat, cancellationToken)).Expect(HttpStatusCode.OK);
        if (entries.GetProperty("total").GetInt32() is > 0 and var count)
        {
            return $"The contest of {year} already has {count} entries.";
        }
        var panel = (await gateway.GetAsync($"/api/judging/{year}/progress", secretariat, cancellationToken)).Expect(HttpStatusCode.OK);
        return panel.GetProperty("judges").GetInt32() > 0 ? $"The panel of {year} already has judges." : null;
    }

    /// <summary>A unit registered before (by an earlier demo year) keeps its secret hidden; the secretariat then submits for it.</summary>
    private async Task<(Dictionary<string, string?> Portals, int Registered, int Known)> RegisterUnitsAsync(CancellationToken cancellationToken)
    {
        reporter.Begin("Units", DistrictUnits.All.Count);
        var portals = new Dictionary<string, string?>();
        var registered = 0;
        foreach (var unit in DistrictUnits.All)
        {
            var reply = await gateway.PostAsync("/api/units", new { code = unit.Code, name = unit.Name, kind = unit.Kind }, secretariat, cancellationToken);
            if (reply.Status == HttpStatusCode.Conflict && reply.Code == "unit_exists")
            {
                portals[unit.Code] = null;
            }
            else
            {
                var credentials = reply.Expect(HttpStatusCode.Created);
                portals[unit.Code] = await gateway.TokenAsync(credentials.GetProperty("clientId").GetString()!, credentials.GetProperty("clientSecret").GetString()!, cancellationToken);
                registered++;
            }
            reporter.Advance("Units");
        }
        var known = DistrictUnits.All.Count - registered;
        if (known > 0)
        {
            reporter.Note($"{known} units were registered before; their secrets are not shown twice, so the secretariat submits their entries for them (unitCode).");
        }
        return (portals, registered, known);
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
        var perWeight = options.Entries / DistrictUnits.All.Sum(u => Weight(u.Habit));
        var target = Math.Max(1, (int)Math.Round(perWeight * 1.1));
        reporter.Begin("Quotas", DistrictUnits.All.Count);
        var quotas = new Dictionary<string, int>();
        foreach (var unit in DistrictUnits.All)
        {
            (await gateway.PutAsync($"/api/contests/{year}/quotas/{unit.Code}", new { target }, secretariat, cancellationToken)).Expect(HttpStatusCode.OK);
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

    private async Task<Sent> SendEntriesAsync(Dictionary<string, string?> portals, Dictionary<string, int> quotas, CancellationToken cancellationToken)
    {
        var plan = PlanSends();
        reporter.Begin("Entries", plan.Count);
        var sent = new Sent();
        foreach (var send in plan)
        {
            var article = send.Article;
            var portal = portals[send.Unit.Code];
            var reply = await gateway.PostAsync($"/api/contests/{year}/entries", new
            {
                title = article.Title,
                body = article.Body,
                field = article.Field,
                unitCode = portal is null ? send.Unit.Code : null,
                author = new
                {
                    fullName = send.Unit.Kind == "ward" ? $"Cán bộ văn hóa {send.Unit.Name.ToLowerInvariant()}" : $"Cán bộ thi đua {send.Unit.Name}",
                    position = "Phụ trách thi đua – khen thưởng",
                    phone = send.WithoutContact ? null : $"09{random.Next(10_000_000, 99_999_999)}",
                    email = (string?)null
                },
                nominee = new
                {
                    fullName = article.Nominee.FullName,
                    birthYear = article.Nominee.BirthYear,
                    position = article.Nominee.Role,
                    workplace = (string?)null,
                    address = new { street = $"{random.Next(1, 120)} {article.Nominee.Street}", ward = article.Nominee.Ward }
                }
            }, portal ?? secretariat, cancellationToken);
            sent.Attempts++;
            var outcome = reply.Status switch
            {
                HttpStatusCode.Created => Expectation.Accepted,
                HttpStatusCode.Conflict when reply.Code == "duplicate_entry" => Expectation.Duplicate,
                HttpStatusCode.UnprocessableEntity => Expectation.Refused,
                _ => throw new DemoException($"Submitting '{article.Title}' for {send.Unit.Code}: {(int)reply.Status} {reply.Body}")
            };
            switch (outcome)
            {
                case Expectation.Accepted:
                    sent.Accepted[reply.Body.GetProperty("id").GetGuid()] = (send.Unit.Code, article);
                    break;
                case Expectation.Duplicate:
                    sent.Duplicates.Add(send.Unit.Code);
                    break;
                default:
                    sent.Refusals.Add(new Refusal(send.Unit.Code, reply.Code ?? "?"));
                    break;
            }
            if (outcome != send.Expect || (send.RefusalCode is not null && reply.Code != send.RefusalCode))
            {
                var surprise = $"{send.Unit.Code}: expected {send.RefusalCode ?? send.Expect.ToString()}, got {(int)reply.Status} {reply.Code}";
                sent.Surprises.Add(surprise);
                reporter.Note(surprise);
            }
            reporter.Advance("Entries");
        }
        var over = DistrictUnits.All.Count(u => sent.AcceptedBy(u.Code) > quotas[u.Code]);
        reporter.Note($"{sent.Accepted.Count} entries accepted, {sent.Duplicates.Count} re-sent copies refused as duplicates, {sent.Refusals.Count} refused for breaking the rules; {over} units over quota.");
        return sent;
    }

    /// <summary>
    /// The year's submissions in the order they arrive: distinct articles from units by habit, copies re-sent later
    /// (mostly through Hội Cựu chiến binh and Hội Chữ thập đỏ), and rule-breaking attempts from the units the report names.
    /// </summary>
    private List<Send> PlanSends()
    {
        var writer = new ArticleWriter(random);
        var units = DistrictUnits.All;
        var weights = units.Select(u => Weight(u.Habit)).ToArray();
        var nominees = new HashSet<string>();
        var originals = new List<Send>();
        for (var i = 0; i < options.Entries; i++)
        {
            var unit = units[WeightedIndex(weights)];
            Nominee nominee;
            do
            {
                nominee = writer.NewNominee(unit.Ward ?? Pick(District.Wards));
            }
            while (!nominees.Add(Words.Fold(nominee.FullName) + "|" + Words.Fold(nominee.Ward)));
            originals.Add(new Send(unit, writer.Write(nominee), Expectation.Accepted));
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
            plan.Insert(at, new Send(unit, writer.Retouch(original.Article), Expectation.Duplicate));
        }

        var breakers = units.Where(u => u.Habit == UnitHabit.RuleBreaker).ToList();
        for (var i = 0; i < options.RuleBreaks; i++)
        {
            var unit = breakers[i % breakers.Count];
            var nominee = writer.NewNominee(Pick(District.Wards));
            var send = (i % 4) switch
            {
                0 => new Send(unit, writer.Write(nominee, 700, 1100), Expectation.Refused, "word_count_out_of_range"),
                1 => new Send(unit, writer.Write(nominee with { Ward = Pick(OutsideWards) }), Expectation.Refused, "nominee_outside_district"),
                2 => new Send(unit, writer.Write(nominee, 1600, 1800), Expectation.Refused, "word_count_out_of_range"),
                _ => new Send(unit, writer.Write(nominee), Expectation.Refused, "missing_author_info", WithoutContact: true)
            };
            plan.Insert(random.Next(plan.Count + 1), send);
        }
        return plan;
    }

    private sealed record Judged(int Judges, int Scores, int Ranked, Dictionary<string, int> Prizes, int Forwarded);

    private async Task<Judged> JudgeAsync(Sent sent, CancellationToken cancellationToken)
    {
        var accepted = sent.Accepted.Count;
        var small = accepted < 100;
        (await gateway.PutAsync($"/api/judging/{year}/settings", new
        {
            judgesPerEntry = Math.Min(3, options.Judges),
            prizes = small
                ? new { first = 1, second = 1, third = 2, encouragement = Math.Max(1, accepted / 6) }
                : new { first = 1, second = 2, third = 3, encouragement = 10 },
            cityForwardCount = small ? Math.Max(1, accepted / 5) : 24
        }, secretariat, cancellationToken)).Expect(HttpStatusCode.OK);

        var judges = new List<string>();
        reporter.Begin("Judges", options.Judges);
        for (var i = 0; i < options.Judges; i++)
        {
            var judge = (await gateway.PostAsync($"/api/judging/{year}/judges", new { fullName = JudgeNames[i % JudgeNames.Length] }, secretariat, cancellationToken))
                .Expect(HttpStatusCode.Created);
            judges.Add(await gateway.TokenAsync(judge.GetProperty("clientId").GetString()!, judge.GetProperty("clientSecret").GetString()!, cancellationToken));
            reporter.Advance("Judges");
        }

        // The panel learns of entries from submission's events: assign once it has heard of all of them.
        await EventuallyAsync("judging to receive every accepted entry",
            async () => (await gateway.GetAsync($"/api/judging/{year}/progress", secretariat, cancellationToken)).Expect(HttpStatusCode.OK).GetProperty("entries").GetInt32(),
            count => count >= accepted, cancellationToken);
        var run = (await gateway.PostAsync($"/api/judging/{year}/assignments", null, secretariat, cancellationToken)).Expect(HttpStatusCode.OK);
        reporter.Note($"Assigned {run.GetProperty("entries").GetInt32()} entries to {run.GetProperty("judges").GetInt32()} judges, {run.GetProperty("minPerJudge").GetInt32()}–{run.GetProperty("maxPerJudge").GetInt32()} each.");

        var rubric = (await gateway.GetAsync($"/api/judging/{year}/settings", secretariat, cancellationToken)).Expect(HttpStatusCode.OK)
            .GetProperty("rubric").EnumerateArray().Select(c => (Key: c.GetProperty("key").GetString()!, Max: c.GetProperty("maxPoints").GetInt32())).ToList();
        // Each article has a merit the judges roughly agree on; their scores scatter around it.
        var merit = sent.Accepted.Keys.ToDictionary(id => id, _ => 0.45 + random.NextDouble() * 0.5);
        reporter.Begin("Scores", run.GetProperty("entries").GetInt32() * Math.Min(3, options.Judges));
        var scores = await Task.WhenAll(judges.Select((token, i) => ScoreAllAsync(token, rubric, merit, new Random(options.Seed * 31 + i), cancellationToken)));

        var results = (await gateway.PostAsync($"/api/judging/{year}/finalize", null, secretariat, cancellationToken)).Expect(HttpStatusCode.OK);
        var ranked = await gateway.AllAsync($"/api/judging/{year}/results", secretariat, cancellationToken);
        var prizes = ranked.Where(r => r.GetProperty("prize").ValueKind == JsonValueKind.String)
            .GroupBy(r => r.GetProperty("prize").GetString()!).ToDictionary(g => g.Key, g => g.Count());
        var forwarded = ranked.Count(r => r.GetProperty("forwardedToCity").GetBoolean());
        reporter.Note($"Finalised: {results.GetProperty("total").GetInt32()} entries ranked, {prizes.Values.Sum()} prizes, {forwarded} forwarded to the city.");
        return new Judged(judges.Count, scores.Sum(), ranked.Count, prizes, forwarded);
    }

    private async Task<int> ScoreAllAsync(string judge, List<(string Key, int Max)> rubric, Dictionary<Guid, double> merit, Random hand, CancellationToken cancellationToken)
    {
        var mine = await gateway.AllAsync($"/api/judging/{year}/assignments/mine", judge, cancellationToken);
        var given = 0;
        foreach (var assignment in mine.Where(a => !a.GetProperty("scored").GetBoolean()))
        {
            var entryId = assignment.GetProperty("entryId").GetGuid();
            var quality = merit.GetValueOrDefault(entryId, 0.6);
            var points = rubric.ToDictionary(c => c.Key, c => Math.Clamp(Math.Round(c.Max * (quality + (hand.NextDouble() - 0.5) * 0.2)), 0, c.Max));
            (await gateway.PutAsync($"/api/judging/{year}/entries/{entryId}/scores/mine", new
            {
                scores = points,
                comment = quality > 0.8 ? "Bài viết sinh động, nhân vật tiêu biểu." : quality < 0.55 ? "Nội dung còn chung chung, ít chi tiết." : null
            }, judge, cancellationToken)).Expect(HttpStatusCode.OK);
            given++;
            reporter.Advance("Scores");
        }
        return given;
    }

    private sealed record Recognised(int Introduced, int Verified, int Rejected, int Commended, int UnitsCommended, int Commendations, long AmountDecided, long TotalAmount);

    private async Task<Recognised> RecogniseAsync(Sent sent, Dictionary<string, int> quotas, CancellationToken cancellationToken)
    {
        var expected = sent.Accepted.Values.Select(a => Words.Fold(a.Article.Nominee.FullName) + "|" + Words.Fold(a.Article.Nominee.Ward)).Distinct().Count();
        var nominees = await EventuallyAsync("recognition to receive every nominee",
            () => gateway.AllAsync($"/api/recognition/{year}/nominees", secretariat, cancellationToken), n => n.Count >= expected, cancellationToken);

        reporter.Begin("Appraisals", nominees.Count);
        var verified = new List<Guid>();
        var rejected = 0;
        foreach (var nominee in nominees)
        {
            var id = nominee.GetProperty("id").GetGuid();
            var ok = random.NextDouble() > 0.12;
            (await gateway.PostAsync($"/api/recognition/{year}/nominees/{id}/appraisal", new
            {
                outcome = ok ? "verified" : "rejected",
                note = ok ? "Đã xác minh tại tổ dân phố, đúng người đúng việc." : "Không xác minh được việc làm nêu trong bài; người được giới thiệu đã chuyển đi."
            }, secretariat, cancellationToken)).Expect(HttpStatusCode.OK);
            if (ok)
            {
                verified.Add(id);
            }
            else
            {
                rejected++;
            }
            reporter.Advance("Appraisals");
        }

        var signedOn = DateOnly.FromDateTime(Earliest(new DateTimeOffset(year, 12, 20, 0, 0, 0, TimeSpan.Zero), DateTimeOffset.UtcNow).UtcDateTime);
        var total = 0L;
        if (verified.Count > 0)
        {
            total += await DecideAsync(new { number = $"{random.Next(1000, 4000)}/QĐ-UBND", signedOn, form = "giay-khen-chu-tich-huyen", nomineeIds = verified }, cancellationToken);
        }

        var overQuota = DistrictUnits.All.Select(u => u.Code).Where(u => sent.AcceptedBy(u) > quotas[u]).ToHashSet();
        var proposed = await EventuallyAsync("recognition to propose the units over quota",
            async () => (await gateway.AllAsync($"/api/recognition/{year}/units/proposed", secretariat, cancellationToken))
                .Select(u => u.GetProperty("unitCode").GetString()!).ToList(),
            codes => overQuota.SetEquals(codes), cancellationToken);
        if (proposed.Count > 0)
        {
            total += await DecideAsync(new { number = $"{random.Next(4000, 6000)}/QĐ-UBND", signedOn, form = "giay-khen-chu-tich-huyen", unitCodes = proposed }, cancellationToken);
        }

        var commendations = MovementTitles().ToList();
        foreach (var title in commendations)
        {
            total += (await gateway.PostAsync($"/api/recognition/{year}/commendations", title, secretariat, cancellationToken))
                .Expect(HttpStatusCode.Created).GetProperty("amount").GetInt64();
        }
        var summary = (await gateway.GetAsync($"/api/recognition/{year}/summary", secretariat, cancellationToken)).Expect(HttpStatusCode.OK);
        reporter.Note($"{verified.Count} nominees verified and commended, {rejected} rejected; {proposed.Count} units commended for exceeding their quota; {commendations.Count} movement titles.");
        return new Recognised(nominees.Count, verified.Count, rejected, verified.Count, proposed.Count, commendations.Count, total, summary.GetProperty("totalAmount").GetInt64());
    }

    /// <summary>Signs a decision at the reward table's amount; a year the table does not cover gets a fixed amount instead.</summary>
    private async Task<long> DecideAsync(object decision, CancellationToken cancellationToken)
    {
        var reply = await gateway.PostAsync($"/api/recognition/{year}/decisions", decision, secretariat, cancellationToken);
        if (reply.Code == "reward_table_incomplete")
        {
            var withAmount = JsonSerializer.SerializeToElement(decision, JsonSerializerOptions.Web).Deserialize<Dictionary<string, object>>()!;
            withAmount["amountPerRecipient"] = 500_000;
            reply = await gateway.PostAsync($"/api/recognition/{year}/decisions", withAmount, secretariat, cancellationToken);
        }
        return reply.Expect(HttpStatusCode.Created).GetProperty("totalAmount").GetInt64();
    }

    private IEnumerable<object> MovementTitles()
    {
        var number = $"{random.Next(6000, 7000)}/QĐ-UBND";
        foreach (var ward in new[] { "Hàng Gai", "Lý Thái Tổ", "Hàng Trống" })
        {
            yield return new { category = "cultural-residential-group", name = $"Tổ dân phố số {random.Next(1, 20)} phường {ward}", unitCode = $"phuong-{DistrictUnits.Slug(ward)}", field = "culture-society", amount = 1_000_000, decisionNumber = number };
        }
        foreach (var family in new[] { "Gia đình ông Nguyễn Văn Thịnh", "Gia đình bà Trần Thị Huệ", "Gia đình ông Lê Quang Vinh", "Gia đình bà Phạm Thu Yên" })
        {
            yield return new { category = "cultural-family", name = $"{family} phường {Pick(District.Wards)}", unitCode = (string?)null, field = "culture-society", amount = 500_000, decisionNumber = number };
        }
        yield return new { category = "collective", name = "Đội thanh niên tình nguyện Quận đoàn Hoàn Kiếm", unitCode = "quan-doan", field = "front-unions", amount = 2_000_000, decisionNumber = number };
        yield return new { category = "individual", name = "Ông Đỗ Trọng Nghĩa, bảo vệ dân phố phường Hàng Bạc", unitCode = "phuong-hang-bac", field = "defense-security", amount = 1_000_000, decisionNumber = number };
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

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Latest(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
