namespace HoanKiem.Submission.Models;

public sealed class Contest
{
    public int Year { get; set; }
    public required string Title { get; set; }
    public DateTimeOffset OpensAt { get; set; }
    public DateTimeOffset ClosesAt { get; set; }
    public int MinWords { get; set; }
    public int MaxWords { get; set; }
    public List<string> DistrictWards { get; set; } = [];
}

public sealed class Quota
{
    public int Year { get; set; }
    public required string UnitCode { get; set; }
    public int Target { get; set; }
}
