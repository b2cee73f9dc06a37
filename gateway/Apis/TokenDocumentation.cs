using System.Text.Json.Nodes;
using HoanKiem.ServiceDefaults.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace HoanKiem.Gateway.Apis;

/// <summary>
/// The gateway's own document: the token endpoint, written out by hand as the handler reads its form itself (the
/// generator would see no body), with the form fields, the token and RFC 6749's error codes.
/// </summary>
public static class TokenDocumentation
{
    public const string TokenResponseSchema = "TokenResponse";
    public const string OAuthProblemSchema = "OAuthProblem";
    public const string TokenRequestSchema = "TokenRequest";

    public static Task DescribeTokenEndpoint(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ApiDocumentation.EnsureComponents(document);
        var schemas = document.Components!.Schemas!;
        schemas[TokenResponseSchema] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string> { "access_token", "token_type", "expires_in" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["access_token"] = Text("The bearer token (a JWT) to send as Authorization: Bearer on every other call."),
                ["token_type"] = Text("Bearer."),
                ["expires_in"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "Seconds until the token expires; ask for a new one then." }
            }
        };
        // Plain strings, not enums: generated clients would otherwise spell the values by their own naming rules.
        schemas[TokenRequestSchema] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string> { "grant_type", "client_id", "client_secret" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["grant_type"] = new OpenApiSchema { Type = JsonSchemaType.String, Default = JsonValue.Create("client_credentials"), Description = "client_credentials." },
                ["client_id"] = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 100, Description = "secretariat, unit-{code} or judge-…" },
                ["client_secret"] = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200, Format = "password" }
            }
        };
        schemas[OAuthProblemSchema] = new OpenApiSchema
        {
            Description = "A refused token request: a problem whose code is also RFC 6749's error.",
            AllOf =
            [
                new OpenApiSchemaReference(ApiDocumentation.ProblemSchema, document),
                new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["error"] = Text("RFC 6749 §5.2 error: invalid_request, unsupported_grant_type or invalid_client.")
                    }
                }
            ]
        };

        var operation = new OpenApiOperation
        {
            OperationId = "GetToken",
            Tags = new HashSet<OpenApiTagReference> { new("Authentication", document) },
            Summary = "Get an access token",
            Description = "OAuth 2.0 client credentials (RFC 6749 §4.4): a client exchanges its id and secret for a bearer token that lasts 15 minutes. "
                + "The secretariat's client id is secretariat; a unit's portal gets unit-{code} when the unit is registered, a judge judge-… when added to the panel.",
            RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/x-www-form-urlencoded"] = new()
                    {
                        Schema = new OpenApiSchemaReference(TokenRequestSchema, document),
                        Example = new JsonObject
                        {
                            ["grant_type"] = "client_credentials",
                            ["client_id"] = "unit-phuong-hang-gai",
                            ["client_secret"] = "the secret given when the unit was registered"
                        }
                    }
                }
            },
            Responses = new OpenApiResponses
            {
                ["200"] = new OpenApiResponse
                {
                    Description = "The token.",
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/json"] = new() { Schema = new OpenApiSchemaReference(TokenResponseSchema, document) }
                    }
                },
                ["400"] = OAuthProblem(document, "invalid_request (not a form, or client_id or client_secret missing or too long) or unsupported_grant_type."),
                ["401"] = OAuthProblem(document, "invalid_client: unknown client or wrong secret."),
                ["429"] = ApiDocumentation.ProblemResponse(document, "rate_limited: too many requests from this client; wait for Retry-After seconds."),
                ["503"] = ApiDocumentation.ProblemResponse(document, "credentials_unavailable: the service that keeps this client's secret does not answer; try again shortly.")
            }
        };
        var path = new OpenApiPathItem();
        path.AddOperation(HttpMethod.Post, operation);
        document.Paths ??= new OpenApiPaths();
        document.Paths[ApiDocumentation.TokenPath] = path;
        document.Tags ??= new HashSet<OpenApiTag>();
        document.Tags.Add(new OpenApiTag { Name = "Authentication", Description = "Tokens for the other calls." });
        return Task.CompletedTask;
    }

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };

    private static OpenApiResponse OAuthProblem(OpenApiDocument document, string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(OAuthProblemSchema, document) }
        }
    };
}
