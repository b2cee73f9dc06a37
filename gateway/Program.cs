using HoanKiem.Gateway;
using HoanKiem.Gateway.Apis;
using HoanKiem.Gateway.Identity;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGateway();
builder.AddIssuer();

var app = builder.Build();
app.UseGateway();
app.MapAuthorizationApi();
app.MapAccountApi();
app.MapMeApi();
app.MapApiReference();
app.MapReverseProxy();
app.MapUnknownApiPaths();
app.MapDefaultEndpoints(namesMatchedRoute: false);
app.Run();
