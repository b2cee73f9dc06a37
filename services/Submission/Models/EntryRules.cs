using HoanKiem.ServiceDefaults.Http;
using HoanKiem.ServiceDefaults.Text;
using HoanKiem.Submission.Apis;

namespace HoanKiem.Submission.Models;

/// <summary>A rule an entry broke, with the contract's problem code and the members the answer carries.</summary>
public sealed record Refusal(string Code, Message Detail, IReadOnlyDictionary<string, object?>? Extensions = null);

/// <summary>The contest's rules at the door, checked in the order a person would fix them.</summary>
public static class EntryRules
{
    /// <summary>The request as stored: NFC text, trimmed; markup is kept as typed text and never interpreted.</summary>
    public static Entry Normalise(SubmitEntryRequest request, int year, string unitCode)
    {
        var body = request.Body?.Normalize(System.Text.NormalizationForm.FormC) ?? "";
        return new Entry
        {
            Year = year,
            UnitCode = unitCode,
            Title = VietnameseText.Clean(request.Title) ?? "",
            Body = body,
            Field = request.Field?.Trim().ToLowerInvariant() ?? "",
            WordCount = VietnameseText.CountWords(body),
            Status = EntryStatus.Accepted,
            AuthorFullName = VietnameseText.Clean(request.Author?.FullName) ?? "",
            AuthorPosition = Optional(request.Author?.Position),
            AuthorPhone = Optional(request.Author?.Phone),
            AuthorEmail = Optional(request.Author?.Email),
            NomineeFullName = VietnameseText.Clean(request.Nominee?.FullName) ?? "",
            NomineeBirthYear = request.Nominee?.BirthYear,
            NomineePosition = Optional(request.Nominee?.Position),
            NomineeWorkplace = Optional(request.Nominee?.Workplace),
            NomineeStreet = Optional(request.Nominee?.Address?.Street),
            NomineeWard = VietnameseText.Clean(request.Nominee?.Address?.Ward) ?? ""
        };
    }

    /// <summary>Fields too long or of the wrong form to store at all (a 400, not a contest rule).</summary>
    public static Dictionary<string, string[]> ShapeErrors(Entry entry)
    {
        var errors = new Dictionary<string, string[]>();
        void Limit(string field, string? value, int max)
        {
            if (value is { } v && v.Length > max)
            {
                errors[field] = [$"{field} has at most {max} characters."];
            }
        }
        if (entry.Title.Length == 0)
        {
            errors["title"] = ["An entry has a title."];
        }
        if (entry.Body.Trim().Length == 0)
        {
            errors["body"] = ["An entry has a body."];
        }
        Limit("title", entry.Title, 500);
        Limit("author.fullName", entry.AuthorFullName, 200);
        Limit("author.position", entry.AuthorPosition, 200);
        Limit("author.phone", entry.AuthorPhone, 50);
        Limit("author.email", entry.AuthorEmail, 200);
        Limit("nominee.fullName", entry.NomineeFullName, 200);
        Limit("nominee.position", entry.NomineePosition, 200);
        Limit("nominee.workplace", entry.NomineeWorkplace, 300);
        Limit("nominee.address.street", entry.NomineeStreet, 300);
        Limit("nominee.address.ward", entry.NomineeWard, 100);
        if (entry.NomineeBirthYear is < 1880 or > 2100)
        {
            errors["nominee.birthYear"] = ["birthYear is a year between 1880 and 2100."];
        }
        return errors;
    }

    public static Refusal? Refusal(Entry entry, Contest contest, DateTimeOffset now)
    {
        if (now < contest.OpensAt || now >= contest.ClosesAt)
        {
            return new("contest_closed", Messages.ContestClosed(contest.Year, contest.OpensAt, contest.ClosesAt));
        }
        if (!Fields.Codes.Contains(entry.Field))
        {
            return new("invalid_field", Messages.InvalidField(Fields.All));
        }
        if (PeopleRefusal(entry, contest) is { } refusal)
        {
            return refusal;
        }
        if (entry.WordCount < contest.MinWords || entry.WordCount > contest.MaxWords)
        {
            return new("word_count_out_of_range", Messages.WordCountOutOfRange(entry.WordCount, contest.MinWords, contest.MaxWords),
                new Dictionary<string, object?> { ["wordCount"] = entry.WordCount, ["minWords"] = contest.MinWords, ["maxWords"] = contest.MaxWords });
        }
        return null;
    }

    /// <summary>
    /// The rules on the author and the nominee, also checked when the secretariat corrects them; a ward equal to
    /// <paramref name="storedWard"/> was taken before (matched or confirmed) and is not read again.
    /// </summary>
    public static Refusal? PeopleRefusal(Entry entry, Contest contest, string? storedWard = null)
    {
        if (entry.AuthorFullName.Length == 0 || (entry.AuthorPhone is null && entry.AuthorEmail is null))
        {
            return new("missing_author_info", Messages.MissingAuthorInfo);
        }
        if (entry.NomineeFullName.Length == 0 || entry.NomineeWard.Length == 0)
        {
            return new("missing_nominee_info", Messages.MissingNomineeInfo);
        }
        return entry.NomineeWard == storedWard ? null : WardRefusal(entry, contest);
    }

    /// <summary>
    /// The nominee's ward against the year's area. A ward of the area is stored as the area spells it. In a year after a
    /// reorganisation, people still write the ward they lived in before: an old ward that went wholly into a ward of the
    /// area is stored as that ward (what was written kept beside it); one split between wards of which some are the
    /// area's is accepted as written and flagged for the secretariat to confirm. Any other is outside the area.
    /// </summary>
    private static Refusal? WardRefusal(Entry entry, Contest contest)
    {
        var written = entry.NomineeWard;
        var wardKey = VietnameseText.WardKey(written);
        (entry.NomineeWardAsWritten, entry.WardToConfirm, entry.WardCandidates) = (null, false, []);
        if (contest.DistrictWards.FirstOrDefault(w => VietnameseText.WardKey(w) == wardKey) is { } areaWard)
        {
            entry.NomineeWard = areaWard;
            return null;
        }
        var day = contest.AreaDay;
        var areaCodes = AdministrativeUnits.Find(contest.AreaCode) is { } area
            ? AdministrativeUnits.WardsOf(area, day).Select(w => w.Code).ToHashSet()
            : [];
        var successions = AdministrativeUnits.Named(written).Where(old => old.ValidUntil < day).SelectMany(old => old.Became).ToList();
        if (areaCodes.Count > 0 && successions.Any(s => areaCodes.Contains(s.Code)))
        {
            entry.NomineeWardAsWritten = written;
            if (successions is [{ Whole: true } whole])
            {
                entry.NomineeWard = AdministrativeUnits.Find(whole.Code)!.Name;
                return null;
            }
            entry.WardToConfirm = true;
            entry.WardCandidates = [.. successions.Select(s => AdministrativeUnits.Find(s.Code)!.FullName).Distinct()];
            return null;
        }
        return new("nominee_outside_district", Messages.NomineeOutsideDistrict(written, contest.AreaName));
    }

    private static string? Optional(string? text) => VietnameseText.Clean(text) is { Length: > 0 } clean ? clean : null;
}
