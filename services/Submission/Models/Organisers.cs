using HoanKiem.Contracts;
using HoanKiem.Submission.Apis;
using HoanKiem.ServiceDefaults.Text;

namespace HoanKiem.Submission.Models;

/// <summary>A year's organiser as resolved from a request: who, its area in the seed (if any), and its area's wards.</summary>
public sealed record ResolvedOrganiser(ContestOrganiser Organiser, string? AreaCode, IReadOnlyList<string> Wards);

public static class Organisers
{
    public const int LineLength = 200;
    public const string DefaultSignerTitle = "Chủ tịch";

    /// <summary>
    /// The organiser a request names, or the district when it names none (the contract's default, kept for every
    /// year so that calls written for the district keep their meaning). Null, with the reasons in
    /// <paramref name="errors"/>, when the request cannot be taken.
    /// </summary>
    public static ResolvedOrganiser? Resolve(OrganiserRequest? request, DateOnly opensOn, Dictionary<string, string[]> errors)
    {
        if (request is null)
        {
            return new(ContestOrganiser.HoanKiemDistrict, AdministrativeUnits.HoanKiemDistrict, District.Wards);
        }
        var name = VietnameseText.Clean(request.Name) is { Length: > 0 } n ? n : null;
        var signer = VietnameseText.Clean(request.SignerTitle) is { Length: > 0 } t ? t : DefaultSignerTitle;
        if (name is { Length: > LineLength } || signer.Length > LineLength)
        {
            errors["organiser.name"] = [$"organiser.name and organiser.signerTitle have at most {LineLength} characters."];
            return null;
        }
        if (request.AreaCode is { Length: > 0 } code)
        {
            var area = AdministrativeUnits.Find(code);
            if (area is null || area.Level is not (ContestOrganiser.District or ContestOrganiser.Ward))
            {
                errors["organiser.areaCode"] = [$"organiser.areaCode is one of {string.Join(", ", AdministrativeUnits.All.Select(u => u.Code))}."];
                return null;
            }
            if (!area.ValidOn(opensOn))
            {
                errors["organiser.areaCode"] = [$"{area.Code} ({area.FullName}) was not in force on {opensOn:yyyy-MM-dd}, the contest's first day."];
                return null;
            }
            var wards = AdministrativeUnits.WardsOf(area, opensOn).Select(w => w.Name).ToList();
            return new(new ContestOrganiser(name ?? $"Ủy ban nhân dân {area.FullName}", area.Level, area.FullName, signer), area.Code, wards);
        }
        var level = request.Level?.Trim().ToLowerInvariant() ?? ContestOrganiser.Other;
        var areaName = VietnameseText.Clean(request.AreaName) is { Length: > 0 } a ? a : null;
        if (level is not (ContestOrganiser.District or ContestOrganiser.Ward or ContestOrganiser.Other) || name is null || areaName is null
            || areaName.Length > LineLength)
        {
            errors["organiser"] = ["Give organiser.areaCode, or organiser.name, organiser.areaName and organiser.level (district, ward or other) with districtWards."];
            return null;
        }
        return new(new ContestOrganiser(name, level, areaName, signer), null, []);
    }
}
