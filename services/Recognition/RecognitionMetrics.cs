using System.Diagnostics.Metrics;

namespace HoanKiem.Recognition;

/// <summary>Recognition's work as the operators' dashboard shows it.</summary>
public sealed class RecognitionMetrics
{
    private readonly Counter<long> figuresPublished;

    public RecognitionMetrics(IMeterFactory meters)
    {
        var meter = meters.Create("HoanKiem.Recognition");
        figuresPublished = meter.CreateCounter<long>("hoankiem.recognition.figures_published", "{version}",
            "Versions of a year's figures published to reporting (at most two a second per year)");
    }

    public void FiguresPublished(int year) => figuresPublished.Add(1, new KeyValuePair<string, object?>("year", year));
}
