using HoanKiem.Judging;
using HoanKiem.Judging.Apis;
using HoanKiem.Judging.Data;
using HoanKiem.ServiceDefaults.Audit;
using HoanKiem.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddJudgingService();

var app = builder.Build();
app.MapSettingsApi();
app.MapJudgesApi();
app.MapAssignmentsApi();
app.MapScoresApi();
app.MapProgressApi();
app.MapResultsApi();
app.MapCredentialsApi();
app.MapAuditApi<JudgingDbContext>("/api/judging");
app.MapDeadLettersApi<JudgingDbContext>("/api/judging");
app.MapDefaultEndpoints();
app.Run();

public partial class Program;
