using System.Text.Encodings.Web;
using System.Text.Json;

namespace HoanKiem.Client
{
    /// <summary>
    /// Request bodies as a browser portal writes them (<c>JSON.stringify</c>): Vietnamese letters as UTF-8, where .NET's
    /// default would escape each as six bytes of <c>\uXXXX</c> for the gateway to carry and the service to unescape.
    /// Answers are read as text first, so a refusal's <see cref="ApiException.Response"/> holds the problem and its code.
    /// </summary>
    internal static class PortalJson
    {
        public static void Apply(JsonSerializerOptions options) => options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    }
}

namespace HoanKiem.Client.Gateway
{
    public partial class GatewayClient
    {
        static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) => PortalJson.Apply(settings);

        partial void Initialize() => ReadResponseAsString = true;
    }
}

namespace HoanKiem.Client.Submission
{
    public partial class SubmissionClient
    {
        static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) => PortalJson.Apply(settings);

        partial void Initialize() => ReadResponseAsString = true;
    }
}

namespace HoanKiem.Client.Judging
{
    public partial class JudgingClient
    {
        static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) => PortalJson.Apply(settings);

        partial void Initialize() => ReadResponseAsString = true;
    }
}

namespace HoanKiem.Client.Recognition
{
    public partial class RecognitionClient
    {
        static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) => PortalJson.Apply(settings);

        partial void Initialize() => ReadResponseAsString = true;
    }
}

namespace HoanKiem.Client.Reporting
{
    public partial class ReportingClient
    {
        static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) => PortalJson.Apply(settings);

        partial void Initialize() => ReadResponseAsString = true;
    }
}
