using HoanKiem.Judging.Models;
using Xunit;

namespace HoanKiem.Judging.Tests;

/// <summary>The assignment's rules checked on random and adversarial panels, against brute force where it is small enough.</summary>
public sealed class AssignmentPlannerTests
{
    private static readonly string[] Units = ["phuong-hang-gai", "phuong-hang-bac", "quan-doan", "hoi-phu-nu", "phong-noi-vu"];

    [Fact]
    public void Rebalancing_moves_unscored_work_to_the_least_busy_judges_an_entry_accepts_until_loads_are_within_one()
    {
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        // Judge a holds four unscored entries, b none, c one; b is barred from the first entry and c is of the second's unit.
        JudgeLoad[] judges = [new(a, null, 4), new(b, null, 0), new(c, "quan-doan", 1)];
        var entries = Enumerable.Range(0, 4).Select(i => new EntryNeed(Guid.NewGuid(), i == 1 ? "quan-doan" : "phuong-hang-gai", 0,
            new HashSet<Guid> { a }, i == 0 ? new HashSet<Guid> { b } : null)).ToList();
        var movable = entries.Select(e => new MovableAssignment(e, a)).ToList();

        var moves = AssignmentPlanner.Rebalance(judges, movable);

        var loads = judges.ToDictionary(j => j.JudgeId, j => j.Load);
        foreach (var move in moves)
        {
            var entry = entries.Single(e => e.EntryId == move.EntryId);
            Assert.True(entry.Accepts(judges.Single(j => j.JudgeId == move.ToJudgeId)), "moved to a judge the entry does not accept");
            loads[move.FromJudgeId]--;
            loads[move.ToJudgeId]++;
        }
        Assert.True(loads.Values.Max() - loads.Values.Min() <= 1, $"loads {string.Join(", ", loads.Values)}");
        Assert.DoesNotContain(moves, m => m.EntryId == entries[0].EntryId && m.ToJudgeId == b);
        Assert.DoesNotContain(moves, m => m.EntryId == entries[1].EntryId && m.ToJudgeId == c);
        Assert.Empty(AssignmentPlanner.Rebalance([new(a, null, 2), new(b, null, 1)], movable));
    }

    [Fact]
    public void Small_random_panels_are_assigned_exactly_when_brute_force_finds_an_even_conflict_free_assignment()
    {
        var random = new Random(20191);
        var feasibleSeen = 0;
        var infeasibleSeen = 0;
        for (var round = 0; round < 400; round++)
        {
            var judges = RandomJudges(random, random.Next(1, 6), unitCount: 3);
            var perEntry = random.Next(1, 3);
            var entries = RandomEntries(random, random.Next(1, 5), perEntry, unitCount: 3);

            var plan = AssignmentPlanner.Plan(judges, entries, seed: round);
            var bruteForce = EvenAssignmentExists(judges, entries);

            Assert.Equal(bruteForce, plan.Feasible);
            if (plan.Feasible)
            {
                feasibleSeen++;
                AssertRulesHold(judges, entries, plan);
                Assert.True(Spread(judges, plan) <= 1, $"round {round}: loads spread {Spread(judges, plan)}");
            }
            else
            {
                infeasibleSeen++;
                Assert.Empty(plan.Assignments);
                Assert.True(plan.Unfilled > 0);
            }
        }
        // The generator must exercise both answers, or the comparison above proves little.
        Assert.True(feasibleSeen > 50 && infeasibleSeen > 50, $"feasible {feasibleSeen}, infeasible {infeasibleSeen}");
    }

    [Fact]
    public void A_district_sized_panel_gets_three_distinct_conflict_free_judges_per_entry_with_loads_within_one()
    {
        var random = new Random(2019);
        for (var round = 0; round < 10; round++)
        {
            var judges = RandomJudges(random, random.Next(9, 25), unitCount: Units.Length);
            var entries = RandomEntries(random, 330, 3, unitCount: Units.Length);

            var plan = AssignmentPlanner.Plan(judges, entries, seed: round);

            Assert.True(plan.Feasible, plan.Problem?.En);
            AssertRulesHold(judges, entries, plan);
            Assert.True(Spread(judges, plan) <= 1);
            Assert.Equal(990, plan.Assignments.Count);
        }
    }

    [Fact]
    public void Late_entries_are_added_without_moving_earlier_work_and_loads_stay_within_one()
    {
        var random = new Random(7);
        for (var round = 0; round < 30; round++)
        {
            var judges = RandomJudges(random, random.Next(6, 15), unitCount: Units.Length);
            var held = new List<PlannedAssignment>();
            for (var wave = 0; wave < 4; wave++)
            {
                var loads = held.CountBy(a => a.JudgeId).ToDictionary();
                var current = judges.Select(j => j with { Load = loads.GetValueOrDefault(j.JudgeId) }).ToList();
                var entries = RandomEntries(random, random.Next(1, 40), 3, unitCount: Units.Length);

                var plan = AssignmentPlanner.Plan(current, entries, seed: wave);

                Assert.True(plan.Feasible, plan.Problem?.En);
                AssertRulesHold(current, entries, plan);
                held.AddRange(plan.Assignments);
                var totals = judges.Select(j => held.Count(a => a.JudgeId == j.JudgeId)).ToList();
                Assert.True(totals.Max() - totals.Min() <= 1, $"round {round} wave {wave}: {string.Join(",", totals)}");
            }
        }
    }

    [Fact]
    public void An_entry_that_lost_a_judge_gets_only_the_missing_one_and_never_a_judge_it_already_has()
    {
        var judges = Enumerable.Range(0, 4).Select(i => new JudgeLoad(Guid.NewGuid(), null, 1)).ToList();
        var entry = new EntryNeed(Guid.NewGuid(), Units[0], 1, new HashSet<Guid> { judges[0].JudgeId, judges[1].JudgeId });

        var plan = AssignmentPlanner.Plan(judges, [entry], seed: 1);

        var added = Assert.Single(plan.Assignments);
        Assert.Contains(added.JudgeId, new[] { judges[2].JudgeId, judges[3].JudgeId });
    }

    [Fact]
    public void Fewer_judges_than_judges_per_entry_is_refused_naming_the_units_left_short()
    {
        var judges = new List<JudgeLoad> { new(Guid.NewGuid(), null, 0), new(Guid.NewGuid(), Units[1], 0) };
        var entries = new List<EntryNeed> { Need(Units[0], 3) };

        var plan = AssignmentPlanner.Plan(judges, entries, seed: 1);

        Assert.False(plan.Feasible);
        Assert.Equal([Units[0]], plan.ShortUnits);
        Assert.Contains("free of conflict", plan.Problem?.En);
    }

    [Fact]
    public void Many_judges_of_one_unit_cannot_take_that_units_entries_so_an_even_assignment_is_refused()
    {
        // Ten judges from the ward and three from elsewhere: the ward's four entries can only go to the three,
        // who would hold four each while the ten hold none.
        var judges = Enumerable.Range(0, 10).Select(_ => new JudgeLoad(Guid.NewGuid(), Units[0], 0))
            .Concat(Enumerable.Range(0, 3).Select(_ => new JudgeLoad(Guid.NewGuid(), null, 0))).ToList();
        var entries = Enumerable.Range(0, 4).Select(_ => Need(Units[0], 3)).ToList();

        var plan = AssignmentPlanner.Plan(judges, entries, seed: 1);

        Assert.False(plan.Feasible);
        Assert.Equal([Units[0]], plan.ShortUnits);
        Assert.False(EvenAssignmentExists(judges.Take(13).ToList(), entries));

        var uneven = AssignmentPlanner.Plan(judges, entries, seed: 1, allowUneven: true);
        Assert.True(uneven.Feasible);
        AssertRulesHold(judges, entries, uneven);
        Assert.All(uneven.Assignments, a => Assert.Null(judges.Single(j => j.JudgeId == a.JudgeId).UnitCode));
    }

    [Fact]
    public void Many_judges_of_one_unit_balance_when_other_units_send_enough_entries_for_them()
    {
        var judges = Enumerable.Range(0, 8).Select(_ => new JudgeLoad(Guid.NewGuid(), Units[0], 0))
            .Concat(Enumerable.Range(0, 4).Select(_ => new JudgeLoad(Guid.NewGuid(), null, 0))).ToList();
        var entries = Enumerable.Range(0, 4).Select(_ => Need(Units[0], 3))
            .Concat(Enumerable.Range(0, 28).Select(i => Need(Units[1 + i % 4], 3))).ToList();

        var plan = AssignmentPlanner.Plan(judges, entries, seed: 3);

        Assert.True(plan.Feasible, plan.Problem?.En);
        AssertRulesHold(judges, entries, plan);
        Assert.Equal(8, judges.Min(j => plan.Assignments.Count(a => a.JudgeId == j.JudgeId)));
    }

    [Fact]
    public void A_judge_added_late_is_refused_an_even_share_it_cannot_reach_unless_uneven_loads_are_allowed()
    {
        var judges = Enumerable.Range(0, 3).Select(_ => new JudgeLoad(Guid.NewGuid(), null, 5)).Append(new JudgeLoad(Guid.NewGuid(), null, 0)).ToList();
        var entries = new List<EntryNeed> { Need(Units[0], 3) };

        Assert.False(AssignmentPlanner.Plan(judges, entries, seed: 1).Feasible);

        var plan = AssignmentPlanner.Plan(judges, entries, seed: 1, allowUneven: true);
        Assert.True(plan.Feasible);
        AssertRulesHold(judges, entries, plan);
        // The newcomer must be one of the three: any assignment without them pushes a load to 6.
        Assert.Contains(plan.Assignments, a => a.JudgeId == judges[3].JudgeId);
    }

    [Fact]
    public void No_judges_at_all_is_refused()
    {
        var plan = AssignmentPlanner.Plan([], [Need(Units[0], 3)], seed: 1);

        Assert.False(plan.Feasible);
        Assert.Contains("no judges", plan.Problem?.En);
    }

    private static EntryNeed Need(string unit, int needed) => new(Guid.NewGuid(), unit, needed, new HashSet<Guid>());

    private static List<JudgeLoad> RandomJudges(Random random, int count, int unitCount) =>
        Enumerable.Range(0, count).Select(_ => new JudgeLoad(Guid.NewGuid(),
            random.Next(3) == 0 ? null : Units[random.Next(unitCount)], 0)).ToList();

    private static List<EntryNeed> RandomEntries(Random random, int count, int perEntry, int unitCount) =>
        Enumerable.Range(0, count).Select(_ => Need(Units[random.Next(unitCount)], perEntry)).ToList();

    private static void AssertRulesHold(IReadOnlyList<JudgeLoad> judges, IReadOnlyList<EntryNeed> entries, AssignmentPlan plan)
    {
        var byId = judges.ToDictionary(j => j.JudgeId);
        var byEntry = plan.Assignments.ToLookup(a => a.EntryId, a => a.JudgeId);
        foreach (var entry in entries)
        {
            var given = byEntry[entry.EntryId].ToList();
            Assert.Equal(entry.Needed, given.Count);
            Assert.Equal(given.Count, given.Distinct().Count());
            Assert.All(given, judge =>
            {
                Assert.NotEqual(entry.UnitCode, byId[judge].UnitCode);
                Assert.DoesNotContain(judge, entry.AssignedJudges);
            });
        }
        var entryIds = entries.Select(e => e.EntryId).ToHashSet();
        Assert.All(plan.Assignments, a => Assert.Contains(a.EntryId, entryIds));
    }

    private static int Spread(IReadOnlyList<JudgeLoad> judges, AssignmentPlan plan)
    {
        var added = plan.Assignments.CountBy(a => a.JudgeId).ToDictionary();
        var loads = judges.Select(j => j.Load + added.GetValueOrDefault(j.JudgeId)).ToList();
        return loads.Max() - loads.Min();
    }

    /// <summary>Tries every choice of judges for every entry: the ground truth on small panels.</summary>
    private static bool EvenAssignmentExists(IReadOnlyList<JudgeLoad> judges, IReadOnlyList<EntryNeed> entries)
    {
        var choices = entries.Select(e => Subsets(judges.Where(j => j.UnitCode != e.UnitCode && !e.AssignedJudges.Contains(j.JudgeId)).ToList(), e.Needed)).ToList();
        var loads = judges.ToDictionary(j => j.JudgeId, j => j.Load);
        bool Search(int index)
        {
            if (index == entries.Count)
            {
                return judges.Count > 0 && loads.Values.Max() - loads.Values.Min() <= 1;
            }
            foreach (var choice in choices[index])
            {
                foreach (var judge in choice) { loads[judge.JudgeId]++; }
                var found = Search(index + 1);
                foreach (var judge in choice) { loads[judge.JudgeId]--; }
                if (found)
                {
                    return true;
                }
            }
            return false;
        }
        return Search(0);
    }

    private static List<List<JudgeLoad>> Subsets(List<JudgeLoad> pool, int size)
    {
        if (size == 0)
        {
            return [[]];
        }
        var result = new List<List<JudgeLoad>>();
        for (var i = 0; i <= pool.Count - size; i++)
        {
            foreach (var rest in Subsets(pool[(i + 1)..], size - 1))
            {
                result.Add([pool[i], .. rest]);
            }
        }
        return result;
    }
}
