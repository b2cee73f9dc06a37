using HoanKiem.Contracts;

namespace HoanKiem.Submission.Models;

/// <summary>
/// That the secretariat erased a person's personal data from an entry: who, when, which entry and whose data, never
/// what was erased. It also makes a second request for the same erasure answer the first one's record.
/// </summary>
public sealed class Erasure
{
    public Guid EntryId { get; set; }
    public required string Person { get; set; }
    public required string ErasedBy { get; set; }
    public DateTimeOffset ErasedAt { get; set; }
}

/// <summary>What erasing a person's personal data changes in an entry, and the events an entry's people travel in.</summary>
public static class PersonalData
{
    public const string Erased = PersonalDataErased.Placeholder;

    public static readonly string[] People = [PersonRole.Author, PersonRole.Nominee];

    /// <summary>
    /// Blanks the person's fields and takes their full name out of the title and the body, where articles name
    /// their nominee (and sometimes sign with the author's name). Only the full name as written is found; a
    /// nickname or a given name alone stays, as telling it from other words would need a reader.
    /// </summary>
    public static void Erase(Entry entry, string person)
    {
        var name = person == PersonRole.Author ? entry.AuthorFullName : entry.NomineeFullName;
        entry.Title = Redact(entry.Title, name);
        entry.Body = Redact(entry.Body, name);
        if (person == PersonRole.Author)
        {
            entry.AuthorFullName = Erased;
            entry.AuthorPosition = null;
            entry.AuthorPhone = null;
            entry.AuthorEmail = null;
        }
        else
        {
            entry.NomineeFullName = Erased;
            entry.NomineeBirthYear = null;
            entry.NomineePosition = null;
            entry.NomineeWorkplace = null;
            entry.NomineeStreet = null;
            entry.NomineeWard = Erased;
            (entry.NomineeWardAsWritten, entry.WardToConfirm, entry.WardCandidates) = (null, false, []);
        }
    }

    /// <summary>
    /// A corrected name replaces the old one where the title and body write it: a misspelt name is the person's data as
    /// much as the right one, and the text then names them as the entry does, so a later erasure finds them.
    /// </summary>
    public static void Rename(Entry entry, string from, string to)
    {
        if (from != to)
        {
            entry.Title = Redact(entry.Title, from, to);
            entry.Body = Redact(entry.Body, from, to);
        }
    }

    private static string Redact(string text, string name, string by = Erased) =>
        name.Length == 0 || name == Erased ? text : text.Replace(name, by, StringComparison.OrdinalIgnoreCase);

    public static string SubjectOf(Entry entry) => entry.Id.ToString();

    public static EntryAccepted Accepted(Entry e) =>
        new(e.Id, e.Year, e.UnitCode, e.Field, e.WordCount, e.NomineeFullName, e.NomineeWard, e.ReceivedAt);

    public static EntryTextSubmitted Text(Entry e) =>
        new(e.Id, e.Year, e.UnitCode, e.Title, e.Body, e.Field, e.WordCount, e.ReceivedAt);
}
