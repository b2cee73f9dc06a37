using HoanKiem.Reporting;
using HoanKiem.Reporting.Apis;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddReportingService();

var app = builder.Build();
app.MapTalliesApi();
app.MapSummaryApi();
app.MapAnnualReportApi();
app.MapDefaultEndpoints();
app.Run();

public partial class Program;
