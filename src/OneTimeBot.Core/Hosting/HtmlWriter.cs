using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace OneTimeBot.Core.Hosting;

/// <summary>
/// Writes an HTML page element by element: tag and attribute names are code, every text and attribute value is encoded,
/// and the words a reader sees come in from the resources, never from a template in the code. Text in any script
/// (Swedish å, ä, ö) is written as itself, not as numeric references.
/// </summary>
public sealed class HtmlWriter
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly StringBuilder _html = new();

    /// <summary>Starts an HTML5 document.</summary>
    public HtmlWriter Doctype()
    {
        _html.Append("<!doctype html>").Append('\n');
        return this;
    }

    /// <summary>An opening tag; an attribute whose value is null is written bare (<c>required</c>, <c>hidden</c>).</summary>
    public HtmlWriter Open(string tag, params IEnumerable<(string Name, string? Value)> attributes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tag);
        ArgumentNullException.ThrowIfNull(attributes);
        _html.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            _html.Append(' ').Append(name);
            if (value is not null)
            {
                _html.Append("=\"").Append(Encoder.Encode(value)).Append('"');
            }
        }

        _html.Append('>');
        return this;
    }

    public HtmlWriter Close(string tag)
    {
        _html.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>An element holding only <paramref name="text"/>.</summary>
    public HtmlWriter Element(string tag, string text, params IEnumerable<(string Name, string? Value)> attributes) =>
        Open(tag, attributes).Text(text).Close(tag);

    public HtmlWriter Text(string text)
    {
        _html.Append(Encoder.Encode(text));
        return this;
    }

    /// <summary>A line break in the source, for whoever reads it; the page looks the same without.</summary>
    public HtmlWriter Line()
    {
        _html.Append('\n');
        return this;
    }

    public override string ToString() => _html.ToString();
}
