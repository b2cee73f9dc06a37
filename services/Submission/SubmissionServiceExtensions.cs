using HoanKiem.ServiceDefaults;
using HoanKiem.ServiceDefaults.Data;
using HoanKiem.ServiceDefaults.Messaging;
using HoanKiem.Submission.Data;
using HoanKiem.Submission.Duplicates;

namespace HoanKiem.Submission;

public static class SubmissionServiceExtensions
{
    public static IHostApplicationBuilder AddSubmissionService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<SubmissionDbContext, SqliteSubmissionDbContext, SqlServerSubmissionDbContext>(ResourceNames.SubmissionDb);
        builder.AddMessaging<SubmissionDbContext>(ResourceNames.Submission);
        builder.Services.AddSingleton<DuplicateDetector>();
        builder.Services.AddSingleton<SubmissionMetrics>();
        builder.Services.AddHostedService<DuplicateIndexLoader>();
        return builder;
    }
}
