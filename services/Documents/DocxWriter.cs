using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordTable = DocumentFormat.OpenXml.Wordprocessing.Table;
using WordParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;

namespace HoanKiem.Documents;

/// <summary>A Word document with real heading styles and a bordered table, in Times New Roman as district papers are.</summary>
public static class DocxWriter
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string Font = "Times New Roman";

    public static byte[] Write(ReportDocument document)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            var body = new Body();
            foreach (var block in document.Blocks)
            {
                switch (block)
                {
                    case Heading heading:
                        body.Append(StyledParagraph($"Heading{heading.Level}", heading.Text));
                        break;
                    case Paragraph paragraph:
                        body.Append(StyledParagraph(null, paragraph.Text));
                        break;
                    case BulletList list:
                        body.Append(list.Items.Select(item => StyledParagraph("ListBullet", $"- {item}")));
                        break;
                    case Letterhead head:
                        body.Append(TwoColumns(
                            [.. head.ParentOrganisation is { Length: > 0 } parent ? [Line(parent, size: 24)] : Array.Empty<WordParagraph>(),
                                Line(head.Organiser, bold: true, size: 24), Line("———"), Line(head.Number)],
                            [Line(Letterhead.NationalName, bold: true, size: 24), Line(Letterhead.Motto, bold: true), Line("———"),
                                Line(head.PlaceAndDate, italic: true)]));
                        break;
                    case Signature foot:
                        body.Append(TwoColumns(
                            [Line("Nơi nhận:", bold: true, italic: true, left: true), .. foot.Recipients.Select(r => Line(r, left: true, size: 22))],
                            [Line(foot.Capacity, bold: true), Line(foot.Title, bold: true), Line(""), Line(""), Line(""), Line(foot.Name ?? "", bold: true)]));
                        break;
                    case PageBreak:
                        body.Append(new WordParagraph(new Run(new Break { Type = BreakValues.Page })));
                        break;
                    case Table table:
                        body.Append(StyledParagraph("Caption", table.Caption));
                        body.Append(Grid(table));
                        break;
                }
            }
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1701, Right = 1134, Header = 709, Footer = 709, Gutter = 0 }));
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    private static WordParagraph StyledParagraph(string? style, string text, bool bold = false)
    {
        var paragraph = new WordParagraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }
        var run = new Run();
        if (bold)
        {
            run.Append(new RunProperties(new Bold()));
        }
        run.Append(new Text(XmlText.Clean(text)) { Space = SpaceProcessingModeValues.Preserve });
        paragraph.Append(run);
        return paragraph;
    }

    /// <summary>A line of a letterhead or signature block, <paramref name="size"/> in half-points: centred unless <paramref name="left"/>.</summary>
    private static WordParagraph Line(string text, bool bold = false, bool italic = false, bool left = false, int size = 26)
    {
        var paragraph = StyledParagraph("TableText", text);
        paragraph.ParagraphProperties!.Append(new Justification { Val = left ? JustificationValues.Left : JustificationValues.Center });
        var run = paragraph.GetFirstChild<Run>()!;
        var properties = new RunProperties();
        if (bold)
        {
            properties.Append(new Bold());
        }
        if (italic)
        {
            properties.Append(new Italic());
        }
        properties.Append(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        run.PrependChild(properties);
        return paragraph;
    }

    /// <summary>Two side-by-side blocks without borders, as the head and foot of an administrative document are laid out.</summary>
    private static WordTable TwoColumns(IEnumerable<WordParagraph> left, IEnumerable<WordParagraph> right)
    {
        var table = new WordTable(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(new TopBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None },
                new BottomBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
                new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None })));
        table.Append(new TableGrid(new GridColumn { Width = "3600" }, new GridColumn { Width = "5500" }));
        table.Append(new TableRow(
            new TableCell([new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Pct, Width = "2000" }), .. left]),
            new TableCell([new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Pct, Width = "3000" }), .. right])));
        return table;
    }

    private static WordTable Grid(Table table)
    {
        static T Line<T>() where T : BorderType, new() => new() { Val = BorderValues.Single, Size = 4 };
        var grid = new WordTable(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(Line<TopBorder>(), Line<LeftBorder>(), Line<BottomBorder>(), Line<RightBorder>(),
                Line<InsideHorizontalBorder>(), Line<InsideVerticalBorder>())));
        grid.Append(new TableGrid(table.Header.Select(_ => new GridColumn())));
        grid.Append(Row(table.Header, header: true));
        grid.Append(table.Rows.Select(row => Row(row, header: false)));
        return grid;
    }

    private static TableRow Row(IEnumerable<string> cells, bool header)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }
        row.Append(cells.Select(text => new TableCell(StyledParagraph("TableText", text, bold: header))));
        return row;
    }

    private static Styles Styles()
    {
        var styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new FontSize { Val = "26" }, new Languages { Val = "vi-VN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "120", Line = "300", LineRule = LineSpacingRuleValues.Auto },
                new Justification { Val = JustificationValues.Both }))));
        styles.Append(new Style(new StyleName { Val = "Normal" }, new PrimaryStyle())
        { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
        styles.Append(HeadingStyle(1, "32", JustificationValues.Center));
        styles.Append(HeadingStyle(2, "28", JustificationValues.Center));
        styles.Append(HeadingStyle(3, "26", JustificationValues.Left));
        styles.Append(HeadingStyle(4, "26", JustificationValues.Left, italic: true));
        styles.Append(new Style(new StyleName { Val = "Caption" }, new BasedOn { Val = "Normal" },
            new StyleRunProperties(new Bold(), new Italic()))
        { Type = StyleValues.Paragraph, StyleId = "Caption" });
        styles.Append(new Style(new StyleName { Val = "List Bullet" }, new BasedOn { Val = "Normal" },
            new StyleParagraphProperties(new Indentation { Left = "360" }))
        { Type = StyleValues.Paragraph, StyleId = "ListBullet" });
        styles.Append(new Style(new StyleName { Val = "Table Text" }, new BasedOn { Val = "Normal" },
            new StyleParagraphProperties(new SpacingBetweenLines { After = "0" }, new Justification { Val = JustificationValues.Left }),
            new StyleRunProperties(new FontSize { Val = "24" }))
        { Type = StyleValues.Paragraph, StyleId = "TableText" });
        return styles;
    }

    private static Style HeadingStyle(int level, string size, JustificationValues alignment, bool italic = false)
    {
        var run = italic
            ? new StyleRunProperties(new Bold(), new Italic(), new FontSize { Val = size })
            : new StyleRunProperties(new Bold(), new FontSize { Val = size });
        return new Style(
            new StyleName { Val = $"heading {level}" }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" },
            new PrimaryStyle(),
            new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" },
                new Justification { Val = alignment }, new OutlineLevel { Val = level - 1 }),
            run)
        { Type = StyleValues.Paragraph, StyleId = $"Heading{level}" };
    }
}
