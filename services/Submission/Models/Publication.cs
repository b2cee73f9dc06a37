namespace HoanKiem.Submission.Models;

/// <summary>
/// An article shown on the public page of the year's exemplary articles, once the results are final: every
/// prize-winner, and any other the secretariat chooses to publish.
/// </summary>
public sealed class Publication
{
    public Guid EntryId { get; set; }
    public int Year { get; set; }
    /// <summary>The panel's prize, from its latest results.</summary>
    public string? Prize { get; set; }
    public bool ChosenBySecretariat { get; set; }

    public bool Listed => Prize is not null || ChosenBySecretariat;
}

/// <summary>That a year's results are final, as the panel last said: the public page shows its articles from then.</summary>
public sealed class YearResults
{
    public int Year { get; set; }
    public DateTimeOffset FinalizedAt { get; set; }
}
