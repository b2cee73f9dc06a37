using System.Net.Http.Headers;
using HoanKiem.Client.Gateway;
using HoanKiem.Client.Judging;
using HoanKiem.Client.Recognition;
using HoanKiem.Client.Reporting;
using HoanKiem.Client.Submission;

namespace HoanKiem.Client;

/// <summary>
/// The public API through the gateway, as one caller: the generated client of each document over an HttpClient whose
/// base address is the gateway and which sends the caller's bearer token, if any.
/// </summary>
public sealed class HoanKiemApi
{
    public HoanKiemApi(HttpClient http)
    {
        Http = http;
        Tokens = new GatewayClient(http);
        Submission = new SubmissionClient(http);
        Judging = new JudgingClient(http);
        Recognition = new RecognitionClient(http);
        Reporting = new ReportingClient(http);
    }

    public HttpClient Http { get; }
    public GatewayClient Tokens { get; }
    public SubmissionClient Submission { get; }
    public JudgingClient Judging { get; }
    public RecognitionClient Recognition { get; }
    public ReportingClient Reporting { get; }

    /// <summary>
    /// A caller over a shared handler (its connections are pooled across callers): each HttpClient carries its own
    /// token, so many portals and judges can call at once.
    /// </summary>
    public static HoanKiemApi Over(HttpMessageHandler handler, Uri gateway, string? token = null, TimeSpan? timeout = null)
    {
        var http = new HttpClient(handler, disposeHandler: false) { BaseAddress = gateway, Timeout = timeout ?? TimeSpan.FromSeconds(60) };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return new HoanKiemApi(http);
    }

    /// <summary>A client-credentials token for the given client.</summary>
    public async Task<string> TokenAsync(string clientId, string clientSecret, CancellationToken cancellationToken = default) =>
        (await Tokens.GetTokenAsync(new TokenRequest { Client_id = clientId, Client_secret = clientSecret }, cancellationToken)).Access_token;

    /// <summary>A new key for one write, so a retry of that write (the same key) is answered without repeating it.</summary>
    public static string NewIdempotencyKey() => Guid.NewGuid().ToString();
}
