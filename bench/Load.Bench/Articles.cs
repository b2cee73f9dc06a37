using System.Text.Encodings.Web;
using System.Text.Json;

namespace HoanKiem.Load.Bench;

/// <summary>How the benches send articles (their text comes from <c>SyllableText</c>).</summary>
public static class Articles
{
    /// <summary>
    /// Request bodies as a browser portal writes them (<c>JSON.stringify</c>): Vietnamese letters as UTF-8. .NET's default
    /// escapes each as <c>\uXXXX</c>, six bytes where UTF-8 takes two or three, for the gateway to carry and the service
    /// to unescape.
    /// </summary>
    public static readonly JsonSerializerOptions PortalJson = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
