using HoanKiem.ServiceDefaults.Text;

namespace HoanKiem.Recognition.Models;

/// <summary>How the register keeps one nominee per person as entries arrive and leave.</summary>
public static class NomineeRegister
{
    /// <summary>A name as written, compared without regard to case, spacing or Unicode form, but with its diacritics.</summary>
    public static string Spelling(string fullName) => (VietnameseText.Clean(fullName) ?? "").ToLowerInvariant();

    /// <summary>Typed without any diacritics ("Nguyen Van Hung"), as people do on keyboards without Vietnamese input.</summary>
    public static bool IsPlain(string fullName) => VietnameseText.Fold(fullName) == Spelling(fullName);

    /// <summary>
    /// Which of the nominees with the same folded name and ward (oldest first) the new entry's person is.
    /// Folding alone would make Hùng and Hưng, Hà and Hạ one person, so diacritics count when both sides have them:
    /// the same spelling matches; a plain spelling matches the oldest candidate; a candidate known only by plain
    /// spellings matches any spelling. Otherwise it is someone new (null).
    /// </summary>
    public static Guid? Match(string fullName, IReadOnlyList<(Guid NomineeId, IReadOnlyList<string> Spellings)> candidates)
    {
        var spelling = Spelling(fullName);
        foreach (var (nomineeId, spellings) in candidates)
        {
            if (spellings.Any(s => Spelling(s) == spelling))
            {
                return nomineeId;
            }
        }
        if (IsPlain(fullName) && candidates.Count > 0)
        {
            return candidates[0].NomineeId;
        }
        return candidates.FirstOrDefault(c => c.Spellings.All(IsPlain)) is { Spellings.Count: > 0 } plain ? plain.NomineeId : null;
    }

    /// <summary>
    /// The person is shown as their earliest entry (by receipt, then id) introduced them, whatever order the
    /// events arrived in: that entry's id, unit, field and spelling of the name and ward.
    /// </summary>
    public static void TakeFirstEntry(Nominee nominee, IEnumerable<NomineeEntry> entries)
    {
        var first = entries.OrderBy(e => e.ReceivedAt).ThenBy(e => e.EntryId).First();
        nominee.EntryId = first.EntryId;
        nominee.UnitCode = first.UnitCode;
        nominee.Field = first.Field;
        nominee.FullName = first.FullName;
        nominee.Ward = first.Ward;
        nominee.IntroducedAt = first.ReceivedAt;
    }
}
