using HoanKiem.Submission;
using HoanKiem.Submission.Apis;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddSubmissionService();

var app = builder.Build();
app.MapUnitsApi();
app.MapContestsApi();
app.MapEntriesApi();
app.MapRefusalsApi();
app.MapCredentialsApi();
app.MapDefaultEndpoints();
app.Run();

public partial class Program;
