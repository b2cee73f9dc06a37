namespace HoanKiem.Submission.Corpus;

/// <summary>A generated contest article: a title, a body of 1,300–1,500 words in paragraphs, and whom it is about.</summary>
public sealed record Article(string Title, string Body, string NomineeFullName, string NomineeWard, string Street, string Field);

/// <summary>The ways a unit lightly edits an article before sending it again.</summary>
public enum EditKind
{
    NewTitle,
    SentencesReordered,
    WordsAndCommasChanged,
    WhitespaceChanged,
    Decomposed,
    WithoutDiacritics,
    AllAtOnce
}
