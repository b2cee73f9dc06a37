using HoanKiem.ServiceDefaults.Audit;
using HoanKiem.Submission;
using HoanKiem.Submission.Apis;
using HoanKiem.Submission.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddSubmissionService();

var app = builder.Build();
app.MapUnitsApi();
app.MapContestsApi();
app.MapEntriesApi();
app.MapRefusalsApi();
app.MapStaffApi();
app.MapPersonalDataApi();
app.MapWardConfirmationsApi();
app.MapUnitChangesApi();
app.MapCredentialsApi();
app.MapForwardingApi();
app.MapExemplaryArticlesApi();
app.MapAuditApi<SubmissionDbContext>("/api/submission");
app.MapDefaultEndpoints();
app.Run();

public partial class Program;
