using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace HoanKiem.Baseline.Bench.Roles;

/// <summary>The submission service, bare: <c>POST /entries</c> commits the entry and its event, a relay publishes the event.</summary>
public static class ServiceRole
{
    public static Task<int> RunAsync(Arguments arguments)
    {
        var builder = ChildProcess.WebBuilder(arguments);
        builder.Services.AddSingleton(_ => new EntryStore(arguments.Text("database")));
        builder.Services.AddHostedService(services => new Relay(services.GetRequiredService<EntryStore>(), arguments.Text("amqp")));

        var app = builder.Build();
        app.MapPost("/entries", async (Article article, EntryStore store) =>
        {
            var receipt = await store.AcceptAsync(article);
            return Results.Created($"/entries/{receipt.Id}", receipt);
        });
        return ChildProcess.ServeAsync(app);
    }
}
