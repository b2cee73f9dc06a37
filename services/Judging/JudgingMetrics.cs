using System.Diagnostics.Metrics;

namespace HoanKiem.Judging;

/// <summary>The panel's progress as the operators' dashboard shows it.</summary>
public sealed class JudgingMetrics
{
    private readonly Counter<long> assignmentsCreated;
    private readonly Counter<long> scoresSaved;

    public JudgingMetrics(IMeterFactory meters)
    {
        var meter = meters.Create("HoanKiem.Judging");
        assignmentsCreated = meter.CreateCounter<long>("hoankiem.judging.assignments_created", "{assignment}", "Judge-entry assignments made");
        scoresSaved = meter.CreateCounter<long>("hoankiem.judging.scores_saved", "{score}", "Scores saved by judges, revisions included");
    }

    public void AssignmentsCreated(int count) => assignmentsCreated.Add(count);

    public void ScoreSaved() => scoresSaved.Add(1);
}
