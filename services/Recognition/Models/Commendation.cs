namespace HoanKiem.Recognition.Models;

public static class CommendationCategory
{
    public const string CulturalResidentialGroup = "cultural-residential-group";
    public const string CulturalFamily = "cultural-family";
    public const string Collective = "collective";
    public const string Individual = "individual";

    public static readonly string[] All = [CulturalResidentialGroup, CulturalFamily, Collective, Individual];

    /// <summary>A family is rewarded as a household, a residential group as a collective (Decree 98/2023 Art. 54).</summary>
    public static string RecipientKindOf(string category) => category switch
    {
        CulturalFamily => RecipientKind.Household,
        Individual => RecipientKind.Individual,
        _ => RecipientKind.Collective
    };
}

public static class Fields
{
    public static readonly string[] Codes = ["economy", "urban", "culture-society", "defense-security", "governance", "front-unions"];
}

/// <summary>A title of the movement itself (tổ dân phố văn hóa, gia đình văn hóa, tập thể, cá nhân tiêu biểu).</summary>
public sealed class Commendation
{
    public Guid Id { get; set; }
    public int Year { get; set; }
    public required string Category { get; set; }
    public required string Name { get; set; }
    public string? UnitCode { get; set; }
    public required string Field { get; set; }
    public long Amount { get; set; }
    public required string AmountSource { get; set; }
    public required string DecisionNumber { get; set; }
    public string? RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A contest prize from the judging panel's final results, with its money.</summary>
public sealed class Award
{
    public Guid EntryId { get; set; }
    public int Year { get; set; }
    public required string UnitCode { get; set; }
    public required string Title { get; set; }
    public required string Prize { get; set; }
    public int Rank { get; set; }
    public bool ForwardedToCity { get; set; }
    public long Amount { get; set; }
    public DateTimeOffset FinalizedAt { get; set; }
}

/// <summary>The city's outcome for an entry the district forwarded: the person it introduced counts as commended by the city.</summary>
public sealed class CityCommendation
{
    public Guid EntryId { get; set; }
    public int Year { get; set; }
    public required string Outcome { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
