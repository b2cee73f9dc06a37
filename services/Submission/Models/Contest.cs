using HoanKiem.Contracts;

namespace HoanKiem.Submission.Models;

public sealed class Contest
{
    public int Year { get; set; }
    public required string Title { get; set; }
    public DateTimeOffset OpensAt { get; set; }
    public DateTimeOffset ClosesAt { get; set; }
    public int MinWords { get; set; }
    public int MaxWords { get; set; }

    /// <summary>The wards of the organiser's area on the year's dates, by the names nominees' addresses are matched against.</summary>
    public List<string> DistrictWards { get; set; } = [];

    public string OrganiserName { get; set; } = ContestOrganiser.HoanKiemDistrict.Name;
    public string OrganiserLevel { get; set; } = ContestOrganiser.HoanKiemDistrict.Level;
    public string AreaName { get; set; } = ContestOrganiser.HoanKiemDistrict.AreaName;
    public string SignerTitle { get; set; } = ContestOrganiser.HoanKiemDistrict.SignerTitle;

    /// <summary>The organiser's area in <see cref="AdministrativeUnits"/>, whose successions let an old ward's name be matched; null for another body.</summary>
    public string? AreaCode { get; set; } = AdministrativeUnits.HoanKiemDistrict;

    public ContestOrganiser Organiser => new(OrganiserName, OrganiserLevel, AreaName, SignerTitle);

    /// <summary>The day the year's area is read on: the contest's first day, in Vietnam.</summary>
    public DateOnly AreaDay => ServiceDefaults.VietnamTime.Date(OpensAt);
}

public sealed class Quota
{
    public int Year { get; set; }
    public required string UnitCode { get; set; }
    public int Target { get; set; }
}
