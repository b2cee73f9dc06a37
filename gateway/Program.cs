using HoanKiem.Gateway;
using HoanKiem.Gateway.Apis;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();
app.UseGateway();
app.MapTokenApi();
app.MapApiReference();
app.MapReverseProxy();
app.MapDefaultEndpoints();
app.Run();
