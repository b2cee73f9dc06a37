namespace HoanKiem.Documents;

/// <summary>A report as blocks, written once and rendered as Markdown or Word so both say the same thing.</summary>
public sealed record ReportDocument(IReadOnlyList<ReportBlock> Blocks);

public abstract record ReportBlock;

/// <summary>Level 1 is the document's title; 2 a part; 3 a section ("2. Kết quả cụ thể"); 4 a subsection ("2.1.").</summary>
public sealed record Heading(int Level, string Text) : ReportBlock;

public sealed record Paragraph(string Text) : ReportBlock;

public sealed record BulletList(IReadOnlyList<string> Items) : ReportBlock;

/// <summary>What follows starts on a new page (each article of a package); Markdown draws a rule.</summary>
public sealed record PageBreak : ReportBlock;

public sealed record Table(string Caption, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) : ReportBlock;

/// <summary>
/// The head of an administrative document (Decree 30/2020): the issuing body under its parent and the document's number
/// on the left; the national name and motto, then the place and date, on the right.
/// </summary>
public sealed record Letterhead(string? ParentOrganisation, string Organiser, string Number, string PlaceAndDate) : ReportBlock
{
    public const string NationalName = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public const string Motto = "Độc lập - Tự do - Hạnh phúc";
}

/// <summary>The foot of an administrative document: the recipients (Nơi nhận) on the left, the signer on the right.</summary>
public sealed record Signature(IReadOnlyList<string> Recipients, string Capacity, string Title, string? Name) : ReportBlock;
