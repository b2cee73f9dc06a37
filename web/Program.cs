using HoanKiem.Web;
using HoanKiem.Web.Components;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddWebApp();

var app = builder.Build();
app.UseWebApp();
app.MapAccountEndpoints();
app.MapDownloads();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapDefaultEndpoints();
app.Run();
