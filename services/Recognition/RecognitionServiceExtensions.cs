using HoanKiem.Recognition.Data;
using HoanKiem.ServiceDefaults;
using HoanKiem.ServiceDefaults.Data;
using HoanKiem.ServiceDefaults.Messaging;

namespace HoanKiem.Recognition;

public static class RecognitionServiceExtensions
{
    public static IHostApplicationBuilder AddRecognitionService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<RecognitionDbContext, SqliteRecognitionDbContext, SqlServerRecognitionDbContext>(ResourceNames.RecognitionDb);
        builder.AddMessaging<RecognitionDbContext>(ResourceNames.Recognition);
        builder.Services.AddSingleton<RecognitionMetrics>();
        builder.Services.AddHostedService<YearTotalsPublisher>();
        return builder;
    }
}
