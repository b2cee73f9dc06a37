namespace HoanKiem.Reporting.Documents;

/// <summary>A report as blocks, written once and rendered as Markdown or Word so both say the same thing.</summary>
public sealed record ReportDocument(IReadOnlyList<ReportBlock> Blocks);

public abstract record ReportBlock;

/// <summary>Level 1 is the document's title; 2 a part; 3 a section ("2. Kết quả cụ thể"); 4 a subsection ("2.1.").</summary>
public sealed record Heading(int Level, string Text) : ReportBlock;

public sealed record Paragraph(string Text) : ReportBlock;

public sealed record BulletList(IReadOnlyList<string> Items) : ReportBlock;

public sealed record Table(string Caption, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) : ReportBlock;
