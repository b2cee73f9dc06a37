using System.Diagnostics.Metrics;

namespace HoanKiem.Submission;

/// <summary>What the door lets in and turns away, per minute on the operators' dashboard.</summary>
public sealed class SubmissionMetrics
{
    private readonly Counter<long> submitted;

    public SubmissionMetrics(IMeterFactory meters) =>
        submitted = meters.Create("HoanKiem.Submission").CreateCounter<long>("hoankiem.entries.submitted", "{entry}",
            "Entry submissions by outcome: accepted, duplicate_entry or the rule's problem code");

    public void Submitted(string outcome) => submitted.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
