namespace HoanKiem.Recognition.Models;

/// <summary>How the register keeps one nominee per person as entries arrive and leave.</summary>
public static class NomineeRegister
{
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
