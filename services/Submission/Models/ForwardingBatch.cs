namespace HoanKiem.Submission.Models;

/// <summary>
/// Articles the secretariat sends on to the city's round together (one batch each month, and the final list): the city
/// needs each article whole with its author's and nominee's details, which only this service keeps. An entry goes to
/// the city once, so the same article never reaches it through two batches.
/// </summary>
public sealed class ForwardingBatch
{
    public const int MaxEntries = 100;
    public const int LabelLength = 200;

    public Guid Id { get; set; }
    public int Year { get; set; }
    public required string Label { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public List<ForwardedEntry> Entries { get; set; } = [];
}

public sealed class ForwardedEntry
{
    public Guid BatchId { get; set; }
    public Guid EntryId { get; set; }
    public int Position { get; set; }
}
