using HoanKiem.Recognition;
using HoanKiem.Recognition.Apis;
using HoanKiem.Recognition.Data;
using HoanKiem.ServiceDefaults.Audit;
using HoanKiem.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddRecognitionService();

var app = builder.Build();
app.MapNomineesApi();
app.MapUnitNomineesApi();
app.MapDecisionsApi();
app.MapCommendationsApi();
app.MapUnitsApi();
app.MapSummaryApi();
app.MapAuditApi<RecognitionDbContext>("/api/recognition/{year:int}");
app.MapDeadLettersApi<RecognitionDbContext>("/api/recognition");
app.MapAwardsApi();
app.MapRewardTableApi();
app.MapPrizesApi();
app.MapDefaultEndpoints();
app.Run();

public partial class Program;
