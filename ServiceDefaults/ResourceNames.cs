namespace HoanKiem.ServiceDefaults;

/// <summary>The app model's resource and connection names, shared by the app host, the services and the tests.</summary>
// The app host compiles this file in rather than referencing ServiceDefaults: internal there, so the tests, which
// reference both, see one type.
#if APP_HOST
internal static class ResourceNames
#else
public static class ResourceNames
#endif
{
    public const string Broker = "rabbitmq";
    public const string Messaging = "messaging";
    public const string SqlServer = "sqlserver";

    public const string SubmissionDb = "submission-db";
    public const string JudgingDb = "judging-db";
    public const string RecognitionDb = "recognition-db";
    public const string ReportingDb = "reporting-db";

    public const string Submission = "submission";
    public const string Judging = "judging";
    public const string Recognition = "recognition";
    public const string Reporting = "reporting";
    public const string Gateway = "gateway";
    public const string Web = "web";

    /// <summary>
    /// The four services behind the gateway: each binds queues (the setting names them to each, see QueueReadiness) and
    /// serves an OpenAPI document the gateway proxies.
    /// </summary>
    public static readonly string[] Services = [Submission, Judging, Recognition, Reporting];
    public const string ServicesSetting = "Messaging:Services";

    public const string SecretariatSecret = "secretariat-secret";
    public const string WebClientSecret = "web-client-secret";
    public const string SqlServerPassword = "sqlserver-password";
    public const string BrokerPassword = "broker-password";

    /// <summary>The parameter holding the password of a database's own login (containers mode).</summary>
    public static string PasswordOf(string database) => $"{database}-password";
}
