using HoanKiem.Judging;
using HoanKiem.Judging.Apis;

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
app.MapDefaultEndpoints();
app.Run();

public partial class Program;
