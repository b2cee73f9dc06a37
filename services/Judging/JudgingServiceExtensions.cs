using HoanKiem.Judging.Data;
using HoanKiem.ServiceDefaults;
using HoanKiem.ServiceDefaults.Data;
using HoanKiem.ServiceDefaults.Messaging;

namespace HoanKiem.Judging;

public static class JudgingServiceExtensions
{
    public static IHostApplicationBuilder AddJudgingService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<JudgingDbContext, SqliteJudgingDbContext, SqlServerJudgingDbContext>(ResourceNames.JudgingDb);
        builder.AddMessaging<JudgingDbContext>(ResourceNames.Judging);
        builder.Services.AddSingleton<JudgingMetrics>();
        return builder;
    }
}
