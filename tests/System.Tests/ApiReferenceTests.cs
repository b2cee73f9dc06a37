using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HoanKiem.ServiceDefaults;
using HoanKiem.ServiceDefaults.Http;
using HoanKiem.TestSupport;
using Xunit;

namespace HoanKiem.SystemTests;

/// <summary>
/// The API reference as a portal developer meets it at the gateway: a document for every route the gateway exposes,
/// the gateway as the only server, a token scheme "try it" can use, and the documents the typed client is generated
/// from equal to what the running system serves.
/// </summary>
public sealed partial class ApiReferenceTests(SystemFixture system)
{
    /// <summary>Set to 1 to write the served documents over clients/openapi/*.json instead of comparing them.</summary>
    private const string UpdateVariable = "HOANKIEM_UPDATE_OPENAPI";

    private static readonly string[] Documents = [ResourceNames.Gateway, .. ResourceNames.Services];

    [Fact]
    public async Task Every_route_the_gateway_exposes_is_in_a_served_document()
    {
        var documents = await ServedDocumentsAsync();
        var operations = documents.Values
            .SelectMany(d => d["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(op => (Path: path.Key, Method: op.Key.ToUpperInvariant()))))
            .ToList();

        var routes = GatewayRoutes().ToList();
        Assert.Contains(routes, r => r.Path == ApiDocumentation.TokenPath);
        var missing = routes.Where(route => !operations.Any(op => Covers(route, op))).Select(r => $"{string.Join('|', r.Methods)} {r.Path}").ToList();

        Assert.True(missing.Count == 0, $"Routes the gateway exposes that no document describes: {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task Every_document_names_the_gateway_as_server_and_the_token_scheme()
    {
        foreach (var (name, document) in await ServedDocumentsAsync())
        {
            var servers = document["servers"]!.AsArray();
            Assert.True(servers.Count == 1 && (string?)servers[0]!["url"] == "/", $"{name}: servers {servers.ToJsonString()}");
            var scheme = document["components"]?["securitySchemes"]?[ApiDocumentation.SecurityScheme];
            Assert.True(scheme is not null, $"{name} declares no {ApiDocumentation.SecurityScheme} scheme");
            Assert.Equal("oauth2", (string?)scheme["type"]);
            Assert.Equal(ApiDocumentation.TokenPath, (string?)scheme["flows"]?["clientCredentials"]?["tokenUrl"]);
        }
    }

    [Fact]
    public async Task Every_operation_has_a_summary_and_secured_ones_ask_for_the_token()
    {
        var problems = new List<string>();
        foreach (var (name, document) in await ServedDocumentsAsync())
        {
            var ids = new HashSet<string>();
            foreach (var (path, item) in document["paths"]!.AsObject())
            {
                foreach (var (method, operation) in item!.AsObject())
                {
                    var where = $"{name}: {method.ToUpperInvariant()} {path}";
                    if (string.IsNullOrWhiteSpace((string?)operation!["summary"]))
                    {
                        problems.Add($"{where} has no summary");
                    }
                    if (operation["operationId"] is not { } id || !ids.Add((string)id!))
                    {
                        problems.Add($"{where} has no operationId of its own");
                    }
                    var secured = operation["security"]?.AsArray().Any(r => r!.AsObject().ContainsKey(ApiDocumentation.SecurityScheme)) == true;
                    // The token endpoint's 401 is RFC 6749's invalid_client, not a missing token.
                    if (path != ApiDocumentation.TokenPath && secured != (operation["responses"]?["401"] is not null))
                    {
                        problems.Add($"{where}: a call answering 401 names the token scheme, and only such a call");
                    }
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task Documents_the_client_is_generated_from_equal_the_served_ones()
    {
        var folder = Path.Combine(Repository.Root, "clients", "openapi");
        var update = Environment.GetEnvironmentVariable(UpdateVariable) == "1";
        var stale = new List<string>();
        foreach (var (name, served) in await ServedDocumentsAsync())
        {
            var file = Path.Combine(folder, $"{name}.json");
            if (update)
            {
                await File.WriteAllTextAsync(file, served.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
            }
            else if (!File.Exists(file) || !JsonNode.DeepEquals(served, JsonNode.Parse(await File.ReadAllTextAsync(file))))
            {
                stale.Add(file);
            }
        }
        Assert.True(stale.Count == 0,
            $"Out of date with what the services serve: {string.Join(", ", stale)}. Run this test with {UpdateVariable}=1 to write them, review the diff, and rebuild clients/HoanKiem.Client.");
    }

    private async Task<Dictionary<string, JsonNode>> ServedDocumentsAsync()
    {
        using var client = system.Client();
        var documents = new Dictionary<string, JsonNode>();
        foreach (var name in Documents)
        {
            using var response = await client.GetAsync($"/openapi/{name}.json");
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"/openapi/{name}.json: {(int)response.StatusCode} {text}");
            documents[name] = JsonNode.Parse(text)!;
        }
        return documents;
    }

    private sealed record Route(string Path, string[] Methods);

    /// <summary>
    /// The reverse proxy's routes, less those that serve the documents themselves, and the gateway's own API: its
    /// endpoints under /api/ and the token endpoint (the sign-in page and the authorization code flow are for browsers).
    /// </summary>
    private static IEnumerable<Route> GatewayRoutes()
    {
        var root = Repository.Root;
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "gateway", "appsettings.json")));
        foreach (var route in settings.RootElement.GetProperty("ReverseProxy").GetProperty("Routes").EnumerateObject())
        {
            var match = route.Value.GetProperty("Match");
            var path = match.GetProperty("Path").GetString()!;
            if (path.StartsWith("/openapi/", StringComparison.Ordinal))
            {
                continue;
            }
            var methods = match.TryGetProperty("Methods", out var listed) ? listed.EnumerateArray().Select(m => m.GetString()!).ToArray() : [];
            yield return new Route(path, methods);
        }
        var own = Directory.EnumerateFiles(Path.Combine(root, "gateway"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .SelectMany(f => MapCall().Matches(File.ReadAllText(f)))
            .Select(m => new Route(m.Groups["path"].Value, [m.Groups["method"].Value.ToUpperInvariant()]))
            .Append(new Route(ApiDocumentation.TokenPath, ["POST"]));
        foreach (var route in own.DistinctBy(r => (r.Path, r.Methods[0])))
        {
            yield return route;
        }
    }

    /// <summary>A catch-all route is covered by any documented path under it; any other by the same path, parameters aside.</summary>
    private static bool Covers(Route route, (string Path, string Method) operation)
    {
        if (route.Methods.Length > 0 && !route.Methods.Contains(operation.Method, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }
        var catchAll = route.Path.IndexOf("{**", StringComparison.Ordinal);
        if (catchAll >= 0)
        {
            var prefix = route.Path[..catchAll];
            return operation.Path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || operation.Path == prefix.TrimEnd('/');
        }
        return string.Equals(Parameter().Replace(route.Path, "{}"), Parameter().Replace(operation.Path, "{}"), StringComparison.OrdinalIgnoreCase);
    }


    [GeneratedRegex("""\.Map(?<method>Get|Post|Put|Delete|Patch)\(\s*"(?<path>/api/[^"]*)""")]
    private static partial Regex MapCall();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Parameter();
}
