using System.Text;
using System.Xml;

namespace HoanKiem.Documents;

/// <summary>
/// Text as XML 1.0 can carry it, for the .docx and .xlsx parts: without the control characters, noncharacters and lone
/// surrogates it has no place for, on which the Open XML SDK throws while saving. The API refuses such text at the door,
/// but names reach this service in events too (a unit registered before the door was shut, another publisher), and one
/// such name must not make the whole year's report fail.
/// </summary>
public static class XmlText
{
    public static string Clean(string text)
    {
        var first = FirstInvalid(text);
        if (first < 0)
        {
            return text;
        }
        var clean = new StringBuilder(text.Length).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                clean.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                clean.Append(text, i++, 2);
            }
        }
        return clean.ToString();
    }

    private static int FirstInvalid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                continue;
            }
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                i++;
                continue;
            }
            return i;
        }
        return -1;
    }
}
