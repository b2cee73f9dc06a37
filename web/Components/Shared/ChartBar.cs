namespace HoanKiem.Web.Components.Shared;

/// <summary>One bar of a chart: its label, its figure, an optional target to reach, and the list behind it.</summary>
public sealed record ChartBar(string Label, double Value, double? Target = null, string? Href = null);
