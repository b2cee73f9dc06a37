using HoanKiem.Reporting;
using HoanKiem.Reporting.Apis;
using HoanKiem.Reporting.Data;
using HoanKiem.ServiceDefaults.Audit;
using HoanKiem.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddReportingService();

var app = builder.Build();
app.MapTalliesApi();
app.MapSummaryApi();
app.MapAnnualReportApi();
app.MapNoticesApi();
app.MapDocumentSettingsApi();
app.MapUnitYearsApi();
app.MapAuditApi<ReportingDbContext>("/api/reports");
app.MapDeadLettersApi<ReportingDbContext>("/api/reports");
app.MapDefaultEndpoints();
app.Run();

public partial class Program;
