namespace HoanKiem.Submission.Corpus;

/// <summary>A generated contest article: a title, a body of 1,300–1,500 words in paragraphs, and whom it is about.</summary>
public sealed record Article(
    string Title, string Body, string NomineeFullName, string NomineeWard, string Street, string Field, string NomineePosition, int NomineeBirthYear);

/// <summary>The ways a unit lightly edits an article before sending it again.</summary>
public enum EditKind
{
    NewTitle,
    SentencesReordered,
    WordsAndCommasChanged,
    WhitespaceChanged,
    Decomposed,
    WithoutDiacritics,
    AllAtOnce,
    /// <summary>An invisible character (zero-width space, joiner, word joiner, byte order mark) inside every word.</summary>
    ZeroWidthInWords,
    /// <summary>Soft hyphens inside the longer words, where a word processor could break them.</summary>
    SoftHyphens,
    /// <summary>Cyrillic and Greek letters drawn like the Latin ones they replace, with the Vietnamese marks kept on them.</summary>
    LookAlikeLetters
}
