using HoanKiem.Contracts;

namespace HoanKiem.Reporting.Tests;

/// <summary>
/// A hand-built contest year whose figures are known: five units around their quotas, judging, the city's outcome
/// and recognition, each stale event (an older finalisation, an older totals version) published after the newer one.
/// </summary>
public sealed class YearScenario(ReportingFixture fixture, int year)
{
    public int Year => year;
    public string AtQuota { get; } = $"y{year}-hang-bac";
    public string OverQuota { get; } = $"y{year}-ly-thai-to";
    public string WithoutEntries { get; } = $"y{year}-tn-mt";
    public string SendingDuplicates { get; } = $"y{year}-hoi-ctd";
    public string BreakingRules { get; } = $"y{year}-ldld";

    public string[] Units => [AtQuota, OverQuota, WithoutEntries, SendingDuplicates, BreakingRules];
    /// <summary>The message ids of the stale finalisation and the stale totals.</summary>
    public Guid[] StaleEvents { get; } = [Guid.NewGuid(), Guid.NewGuid()];

    public static readonly Dictionary<string, string> Names = new()
    {
        ["hang-bac"] = "Phường Hàng Bạc",
        ["ly-thai-to"] = "Phường Lý Thái Tổ",
        ["tn-mt"] = "Phòng Tài nguyên và Môi trường",
        ["hoi-ctd"] = "Hội Chữ thập đỏ quận",
        ["ldld"] = "Liên đoàn Lao động quận"
    };

    /// <summary>Names carry the year: other tests register the same units for their own years.</summary>
    public string NameOf(string code) => $"{Names[code[(code.IndexOf('-') + 1)..]]} {year}";

    public const int EntriesAccepted = 7;
    public const long TotalAmount = 12_500_000;

    public async Task PublishAsync()
    {
        DateTimeOffset At(int month, int day) => new(year, month, day, 9, 0, 0, TimeSpan.FromHours(7));
        await fixture.Bus.PublishAsync(new ContestConfigured(year, "Viết về gương điển hình tiên tiến, người tốt, việc tốt",
            At(1, 1), At(11, 30), 1300, 1500));
        foreach (var code in Units)
        {
            await fixture.RegisterUnitAsync(code, NameOf(code));
        }
        await fixture.Bus.PublishAsync(new QuotaSet(year, AtQuota, 2));
        await fixture.Bus.PublishAsync(new QuotaSet(year, OverQuota, 1));
        await fixture.Bus.PublishAsync(new QuotaSet(year, WithoutEntries, 2));
        await fixture.Bus.PublishAsync(new QuotaSet(year, SendingDuplicates, 1));
        await fixture.Bus.PublishAsync(new QuotaSet(year, BreakingRules, 3));

        var first = await fixture.AcceptAsync(year, AtQuota, At(2, 1));
        var second = await fixture.AcceptAsync(year, AtQuota, At(3, 1));
        var third = await fixture.AcceptAsync(year, OverQuota, At(2, 3));
        var fourth = await fixture.AcceptAsync(year, OverQuota, At(4, 3));
        await fixture.AcceptAsync(year, OverQuota, At(5, 3));
        await fixture.AcceptAsync(year, SendingDuplicates, At(2, 8));
        await fixture.AcceptAsync(year, BreakingRules, At(6, 8));
        var withdrawn = await fixture.AcceptAsync(year, BreakingRules, At(6, 9));
        await fixture.Bus.PublishAsync(new EntryWithdrawn(withdrawn, year, BreakingRules, At(6, 10)));

        await fixture.RefuseAsync(year, SendingDuplicates, "duplicate_entry", At(3, 8));
        await fixture.RefuseAsync(year, SendingDuplicates, "duplicate_entry", At(4, 8));
        await fixture.RefuseAsync(year, WithoutEntries, "missing_author_info", At(3, 9));
        await fixture.RefuseAsync(year, BreakingRules, "word_count_out_of_range", At(3, 10));
        await fixture.RefuseAsync(year, BreakingRules, "word_count_out_of_range", At(4, 10));
        await fixture.RefuseAsync(year, BreakingRules, "nominee_outside_district", At(5, 10));

        RankedEntry Ranked(Guid id, string unit, int rank, string? prize, bool forwarded) =>
            new(id, unit, $"Bài {rank}", rank, 90 - rank, prize, forwarded);
        await fixture.Bus.PublishAsync(new JudgingFinalized(year, At(12, 10),
        [
            Ranked(third, OverQuota, 1, "first", true), Ranked(first, AtQuota, 2, "second", true),
            Ranked(second, AtQuota, 3, "second", false), Ranked(fourth, OverQuota, 4, "encouragement", false)
        ]));
        await fixture.Bus.PublishAsync(new JudgingFinalized(year, At(12, 1),
            [Ranked(first, AtQuota, 1, "first", true), Ranked(second, AtQuota, 2, "third", true), Ranked(third, OverQuota, 3, "third", true)]),
            StaleEvents[0]);
        await fixture.Bus.PublishAsync(new CityOutcomeRecorded(year, third, OverQuota, "Giải Ba", At(12, 20)));
        await fixture.Bus.PublishAsync(new CityOutcomeRecorded(year, first, AtQuota, "Giấy khen", At(12, 21)));

        await fixture.Bus.PublishAsync(new RecognitionTotalsChanged(year, 3, 9, 7, 1, 6, 2, TotalAmount, At(12, 15), CommendedByCity: 2));
        await fixture.Bus.PublishAsync(new RecognitionTotalsChanged(year, 2, 9, 7, 1, 4, 1, 5_000_000, At(12, 14), CommendedByCity: 0), StaleEvents[1]);
        await fixture.Bus.PublishAsync(new CommendationDecided(year, $"15/QĐ-UBND-{year}", new DateOnly(year, 12, 15), "giấy khen",
            [], [OverQuota, AtQuota], 1_000_000, 2_000_000));
        await fixture.Bus.PublishAsync(new CommendationDecided(year, $"16/QĐ-UBND-{year}", new DateOnly(year, 12, 16), "giấy khen",
            [], [OverQuota], 1_000_000, 1_000_000));
        await fixture.Bus.PublishAsync(new CommendationDecided(year, $"17/QĐ-UBND-{year}", new DateOnly(year, 12, 17), "giấy khen",
            [new(Guid.NewGuid(), "Ông Trần Văn Minh", OverQuota), new(Guid.NewGuid(), "Bà Nguyễn Thị Lan", AtQuota)], [], 500_000, 1_000_000));

        foreach (var (category, name, amount) in Titles)
        {
            await fixture.Bus.PublishAsync(new MovementTitleRecorded(Guid.NewGuid(), year, category, name, AtQuota, amount, $"20/QĐ-UBND-{year}"));
        }
    }

    /// <summary>The movement's titles of the year: two residential groups, a family and a person, 1,700,000 đồng in all.</summary>
    public static readonly (string Category, string Name, long Amount)[] Titles =
    [
        ("cultural-residential-group", "Tổ dân phố số 3 phường Hàng Bạc", 500_000),
        ("cultural-residential-group", "Tổ dân phố số 7 phường Hàng Bạc", 500_000),
        ("cultural-family", "Gia đình ông Nguyễn Văn Hải", 300_000),
        ("individual", "Ông Lương Quốc Hưng", 400_000)
    ];
}
