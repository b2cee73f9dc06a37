using HoanKiem.Reporting.Data;
using HoanKiem.ServiceDefaults;
using HoanKiem.ServiceDefaults.Data;
using HoanKiem.ServiceDefaults.Messaging;

namespace HoanKiem.Reporting;

public static class ReportingServiceExtensions
{
    public static IHostApplicationBuilder AddReportingService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ReportingDbContext, SqliteReportingDbContext, SqlServerReportingDbContext>(ResourceNames.ReportingDb);
        builder.AddMessaging<ReportingDbContext>(ResourceNames.Reporting);
        return builder;
    }
}
