using System.Text.Json.Nodes;
using HoanKiem.Gateway.Identity;
using HoanKiem.ServiceDefaults.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace HoanKiem.Gateway.Apis;

/// <summary>
/// The gateway's own document: the token endpoint, written out by hand as OpenIddict serves it outside the endpoints
/// the generator sees, with the form fields, the token and RFC 6749's errors. The sign-in page and the authorization
/// code flow's endpoints are for browsers and the web app; OpenID Connect discovery describes them.
/// </summary>
public static class TokenDocumentation
{
    public const string TokenResponseSchema = "TokenResponse";
    public const string OAuthErrorSchema = "OAuthError";
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
                ["expires_in"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "Seconds until the token expires; ask for a new one then." },
                ["scope"] = Text("The scopes granted, if any.")
            }
        };
        // Plain strings, not enums: generated clients would otherwise spell the values by their own naming rules.
        schemas[TokenRequestSchema] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string> { "grant_type", "client_id", "client_secret" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["grant_type"] = new OpenApiSchema { Type = JsonSchemaType.String, Default = JsonValue.Create("client_credentials"), Description = "client_credentials (the web app: authorization_code or refresh_token)." },
                ["client_id"] = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = Accounts.MaxClientIdLength, Description = "secretariat, unit-{code} or judge-…; or in the Authorization header (Basic)." },
                ["client_secret"] = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = Accounts.MaxSecretLength, Format = "password" }
            }
        };
        schemas[OAuthErrorSchema] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "An RFC 6749 §5.2 error (sent with Cache-Control: no-store).",
            Required = new HashSet<string> { "error" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["error"] = Text("invalid_request, invalid_client, unauthorized_client, unsupported_grant_type, slow_down or temporarily_unavailable."),
                ["error_description"] = Text("What went wrong, for people."),
                ["error_uri"] = Text("A page about the error.")
            }
        };

        var operation = new OpenApiOperation
        {
            OperationId = "GetToken",
            Tags = new HashSet<OpenApiTagReference> { new("Authentication", document) },
            Summary = "Get an access token",
            Description = "OAuth 2.0 client credentials (RFC 6749 §4.4): a client exchanges its id and secret, in the form or as HTTP Basic "
                + "authentication (RFC 6749 §2.3.1), for a bearer token that lasts 15 minutes. The secretariat's client id is secretariat; "
                + "a unit's portal gets unit-{code} when the unit is registered, a judge judge-… when added to the panel. "
                + "The web app also redeems authorization codes (PKCE) and refresh tokens here; see /.well-known/openid-configuration.",
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
                ["400"] = OAuthError(document, "invalid_request (a field missing or too long), unsupported_grant_type or unauthorized_client (a grant this client may not use)."),
                ["401"] = OAuthError(document, "invalid_client: unknown client or wrong secret."),
                ["429"] = OAuthError(document, "slow_down: too many failed attempts for this client or from this address; wait for Retry-After seconds."),
                ["503"] = OAuthError(document, "temporarily_unavailable: the service that keeps this client's secret does not answer; try again shortly.")
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

    private static OpenApiResponse OAuthError(OpenApiDocument document, string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/json"] = new() { Schema = new OpenApiSchemaReference(OAuthErrorSchema, document) }
        }
    };
}
