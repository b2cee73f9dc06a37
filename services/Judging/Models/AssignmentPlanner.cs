using HoanKiem.ServiceDefaults.Http;
using HoanKiem.ServiceDefaults.Text;

namespace HoanKiem.Judging.Models;

/// <summary>A judge as the planner sees them: their unit (a conflict) and how many entries they already hold this year.</summary>
public sealed record JudgeLoad(Guid JudgeId, string? UnitCode, int Load);

/// <summary>
/// An entry that still needs <c>Needed</c> more judges, none from its unit, none it already has and none
/// <c>Barred</c> (judges with a declared or recorded conflict on it).
/// </summary>
public sealed record EntryNeed(Guid EntryId, string UnitCode, int Needed, IReadOnlySet<Guid> AssignedJudges, IReadOnlySet<Guid>? Barred = null)
{
    public bool Accepts(JudgeLoad judge) =>
        !UnitCodes.Same(judge.UnitCode, UnitCode) && !AssignedJudges.Contains(judge.JudgeId) && Barred?.Contains(judge.JudgeId) != true;
}

/// <summary>Unscored work that may move from <c>JudgeId</c> to another judge the entry accepts.</summary>
public sealed record MovableAssignment(EntryNeed Entry, Guid JudgeId);

public sealed record Move(Guid EntryId, Guid FromJudgeId, Guid ToJudgeId);

public sealed record PlannedAssignment(Guid EntryId, Guid JudgeId);

/// <summary>Either the new assignments, or why none exists (<c>Unfilled</c> judge slots, the units of the entries left short).</summary>
public sealed record AssignmentPlan(IReadOnlyList<PlannedAssignment> Assignments, Message? Problem, int Unfilled, IReadOnlyList<string> ShortUnits)
{
    public bool Feasible => Problem is null;
}

/// <summary>
/// Gives every entry the judges it still needs: distinct, never from the entry's unit, with every judge's load
/// (counting the work they already hold, which never moves) as even as any assignment can make it.
///
/// HotCRP's autoassigner solves a richer problem (preferences, expertise) with min-cost max-flow in rounds and a
/// randomised greedy fallback that can leave papers short and only warns. We have no preferences, so plain max-flow
/// suffices, and it lets us promise the result or prove that none exists.
///
/// Level. Let L_j be judge j's current load, N the judge slots to fill, lo(q) = Σ_j max(0, q − L_j) and
/// q the largest level with lo(q) ≤ N. Judge j must take between max(0, q − L_j) and max(0, q + 1 − L_j) new
/// entries, so afterwards every judge not already above q + 1 holds q or q + 1. This level is the only one worth
/// trying: lifting every judge to q + 1 would need lo(q + 1) &gt; N slots, so in any assignment some judge ends at
/// ≤ q; and a judge already above q + 1 keeps their load in every assignment. Hence if any assignment keeps all
/// loads within 1, this one does, and when existing loads are uneven (a judge added late, a withdrawal) it levels
/// them as far as the new work allows without moving finished work.
///
/// Flow. source → entry (capacity: judges needed) → judge (capacity 1, only when the judge is free of conflict and
/// not already on the entry) → sink. A judge's lower bound is forced by splitting its outflow: up to lo_j straight to
/// the sink, and up to hi_j − lo_j through one shared node whose edge to the sink carries N − Σlo_j. A flow of value
/// N then has to push at least Σlo_j through the straight edges, whose capacities add up to exactly Σlo_j, so every
/// lower bound is met. Integral max-flow (Dinic) gives 0/1 entry→judge edges, so an integral flow of value N is
/// exactly an assignment meeting every rule, and the max-flow theorem says that if none reaches N, no such
/// assignment exists: the planner answers "infeasible" only when it truly is.
///
/// When no even assignment exists the planner refuses, unless the caller allows uneven loads; it then runs the same
/// flow with the smallest workable cap on loads and, under it, the highest workable floor.
/// </summary>
public static class AssignmentPlanner
{
    public static AssignmentPlan Plan(IReadOnlyList<JudgeLoad> judges, IReadOnlyList<EntryNeed> entries, int seed, bool allowUneven = false)
    {
        var needy = entries.Where(e => e.Needed > 0).ToList();
        var needed = needy.Sum(e => e.Needed);
        if (needed == 0)
        {
            return new([], null, 0, []);
        }
        if (judges.Count == 0)
        {
            return new([], Messages.NoJudges, needed,
                needy.Select(e => e.UnitCode).Distinct().Order().ToList());
        }

        var eligible = needy.Select(e => judges.Select((j, index) => (j, index))
            .Where(x => e.Accepts(x.j))
            .Select(x => x.index).ToList()).ToList();
        var starved = needy.Where((e, i) => eligible[i].Count < e.Needed).ToList();
        if (starved.Count > 0)
        {
            var units = starved.Select(e => e.UnitCode).Distinct().Order().ToList();
            return new([], Messages.TooFewJudgesFreeOfConflict(units, starved.Max(e => e.Needed)), starved.Sum(e => e.Needed), units);
        }

        var level = Level(judges, needed);
        var (planned, unfilled, shortUnits) = Solve(judges, needy, eligible, Bounds(judges, level), Bounds(judges, level + 1), seed);
        if (unfilled == 0)
        {
            return new(planned, null, 0, []);
        }
        if (!allowUneven)
        {
            return new([], Messages.UnevenLoads(unfilled, needed, shortUnits), unfilled, shortUnits);
        }
        // Uneven on request: the smallest cap c on any load (judge j takes at most max(0, c − L_j)) that covers every
        // entry, then the highest floor m (at least max(0, m − L_j)) that still fits under it, so a judge who joined
        // late is lifted as far as the work allows. Both searches are monotone: a higher cap only adds capacity, a
        // lower floor only removes demands; c = max load + slots needed always works once every entry has enough
        // judges free of conflict (checked above), and m = the lowest load always works under a working cap.
        var cap = level + 1;
        while (Solve(judges, needy, eligible, Bounds(judges, judges.Min(j => j.Load)), Bounds(judges, cap), seed).Unfilled > 0)
        {
            cap++;
        }
        var floor = judges.Min(j => j.Load);
        var best = Solve(judges, needy, eligible, Bounds(judges, floor), Bounds(judges, cap), seed);
        while (floor < cap && Solve(judges, needy, eligible, Bounds(judges, floor + 1), Bounds(judges, cap), seed) is { Unfilled: 0 } higher)
        {
            best = higher;
            floor++;
        }
        return new(best.Planned, null, 0, []);
    }

    /// <summary>
    /// Evens loads out after work left a judge (a removal, a conflict) by moving unscored work, one entry at a time, from
    /// a judge with the highest load to one with the lowest whom the entry accepts, until loads are within 1 or no such
    /// move exists. Each move lowers the sum of squared loads, so it ends; scored work never moves.
    /// </summary>
    public static IReadOnlyList<Move> Rebalance(IReadOnlyList<JudgeLoad> judges, IReadOnlyList<MovableAssignment> movable)
    {
        var loads = judges.ToDictionary(j => j.JudgeId, j => j.Load);
        var holders = movable.Where(m => loads.ContainsKey(m.JudgeId))
            .Select(m => (m.Entry, Judges: new HashSet<Guid>(m.Entry.AssignedJudges), m.JudgeId)).ToList();
        var moves = new List<Move>();
        while (loads.Count > 1)
        {
            var candidates =
                from h in holders
                where loads[h.JudgeId] - loads.Values.Min() > 1
                from j in judges
                where loads[h.JudgeId] - loads[j.JudgeId] > 1 && (h.Entry with { AssignedJudges = h.Judges }).Accepts(j)
                orderby loads[h.JudgeId] - loads[j.JudgeId] descending, loads[j.JudgeId], j.JudgeId, h.Entry.EntryId
                select (Holder: h, To: j.JudgeId);
            var (holder, to) = candidates.FirstOrDefault();
            if (holder.Entry is null)
            {
                break;
            }
            holders.Remove(holder);
            holder.Judges.Remove(holder.JudgeId);
            holder.Judges.Add(to);
            loads[holder.JudgeId]--;
            loads[to]++;
            moves.Add(new Move(holder.Entry.EntryId, holder.JudgeId, to));
            // The entry's panel changed: other movable work on the same entry sees the new judge.
            foreach (var other in holders.Where(h => h.Entry.EntryId == holder.Entry.EntryId))
            {
                other.Judges.Add(to);
                other.Judges.Remove(holder.JudgeId);
            }
        }
        return moves;
    }

    /// <summary>How many new entries bring each judge up to <paramref name="load"/> (none for those already there).</summary>
    private static int[] Bounds(IReadOnlyList<JudgeLoad> judges, int load) => judges.Select(j => Math.Max(0, load - j.Load)).ToArray();

    /// <summary>The max-flow above with judge j taking between lower[j] and upper[j] new entries.</summary>
    private static (List<PlannedAssignment> Planned, int Unfilled, List<string> ShortUnits) Solve(
        IReadOnlyList<JudgeLoad> judges, List<EntryNeed> needy, List<List<int>> eligible, int[] lower, int[] upper, int seed)
    {
        var needed = needy.Sum(e => e.Needed);
        if (lower.Sum() > needed)
        {
            return ([], needed, needy.Select(e => e.UnitCode).Distinct().Order().ToList());
        }
        var source = 0;
        var firstJudge = 1 + needy.Count;
        var slack = firstJudge + judges.Count;
        var sink = slack + 1;
        var network = new FlowNetwork(sink + 1);
        var entryToJudge = new List<(int Edge, int Entry, int Judge)>();
        var random = new Random(seed);
        for (var e = 0; e < needy.Count; e++)
        {
            network.AddEdge(source, 1 + e, needy[e].Needed);
            // Shuffled so that panels differ from entry to entry instead of the same judges always sitting together.
            var order = eligible[e].ToArray();
            random.Shuffle(order);
            foreach (var j in order)
            {
                entryToJudge.Add((network.AddEdge(1 + e, firstJudge + j, 1), e, j));
            }
        }
        for (var j = 0; j < judges.Count; j++)
        {
            network.AddEdge(firstJudge + j, sink, lower[j]);
            network.AddEdge(firstJudge + j, slack, upper[j] - lower[j]);
        }
        network.AddEdge(slack, sink, needed - lower.Sum());

        var flow = network.MaxFlow(source, sink);
        if (flow < needed)
        {
            var reachable = network.ReachableFromSource(source);
            var units = needy.Where((_, e) => reachable[1 + e]).Select(e => e.UnitCode).Distinct().Order().ToList();
            return ([], needed - flow, units);
        }
        var planned = entryToJudge.Where(x => network.Flow(x.Edge) == 1)
            .Select(x => new PlannedAssignment(needy[x.Entry].EntryId, judges[x.Judge].JudgeId)).ToList();
        return (planned, 0, []);
    }

    /// <summary>The largest q with Σ max(0, q − L_j) ≤ needed.</summary>
    public static int Level(IReadOnlyList<JudgeLoad> judges, int needed)
    {
        var level = judges.Min(j => j.Load);
        while (judges.Sum(j => Math.Max(0, level + 1 - j.Load)) <= needed)
        {
            level++;
        }
        return level;
    }

    /// <summary>Dinic's algorithm on an adjacency list; edge i's reverse is i ^ 1.</summary>
    private sealed class FlowNetwork(int nodes)
    {
        private readonly List<int> to = [];
        private readonly List<int> capacity = [];
        private readonly List<int> original = [];
        private readonly List<int>[] edgesOf = Enumerable.Range(0, nodes).Select(_ => new List<int>()).ToArray();
        private readonly int[] depth = new int[nodes];
        private readonly int[] next = new int[nodes];

        public int AddEdge(int from, int target, int cap)
        {
            var index = to.Count;
            to.Add(target); capacity.Add(cap); original.Add(cap); edgesOf[from].Add(index);
            to.Add(from); capacity.Add(0); original.Add(0); edgesOf[target].Add(index + 1);
            return index;
        }

        public int Flow(int edge) => original[edge] - capacity[edge];

        public int MaxFlow(int source, int sink)
        {
            var total = 0;
            while (LevelGraph(source, sink))
            {
                Array.Clear(next);
                int pushed;
                while ((pushed = Augment(source, sink)) > 0)
                {
                    total += pushed;
                }
            }
            return total;
        }

        public bool[] ReachableFromSource(int source)
        {
            LevelGraph(source, -1);
            return depth.Select(d => d >= 0).ToArray();
        }

        private bool LevelGraph(int source, int sink)
        {
            Array.Fill(depth, -1);
            depth[source] = 0;
            var queue = new Queue<int>([source]);
            while (queue.TryDequeue(out var node))
            {
                foreach (var edge in edgesOf[node])
                {
                    if (capacity[edge] > 0 && depth[to[edge]] < 0)
                    {
                        depth[to[edge]] = depth[node] + 1;
                        queue.Enqueue(to[edge]);
                    }
                }
            }
            return sink >= 0 && depth[sink] >= 0;
        }

        /// <summary>One augmenting path in the level graph, walked without recursion (paths can be long).</summary>
        private int Augment(int source, int sink)
        {
            var path = new Stack<int>();
            var node = source;
            while (true)
            {
                if (node == sink)
                {
                    var bottleneck = path.Min(edge => capacity[edge]);
                    foreach (var edge in path)
                    {
                        capacity[edge] -= bottleneck;
                        capacity[edge ^ 1] += bottleneck;
                    }
                    return bottleneck;
                }
                var advanced = false;
                for (; next[node] < edgesOf[node].Count; next[node]++)
                {
                    var edge = edgesOf[node][next[node]];
                    if (capacity[edge] > 0 && depth[to[edge]] == depth[node] + 1)
                    {
                        path.Push(edge);
                        node = to[edge];
                        advanced = true;
                        break;
                    }
                }
                if (!advanced)
                {
                    if (node == source)
                    {
                        return 0;
                    }
                    depth[node] = -1;
                    var back = path.Pop();
                    node = to[back ^ 1];
                    next[node]++;
                }
            }
        }
    }
}
