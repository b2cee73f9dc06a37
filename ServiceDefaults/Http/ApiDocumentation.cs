using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace HoanKiem.ServiceDefaults.Http;

/// <summary>Marks the writes that honour the contract's <c>Idempotency-Key</c>, so their documents name the header.</summary>
public sealed class IdempotentWriteMetadata
{
    public static readonly IdempotentWriteMetadata Instance = new();
}

/// <summary>
/// Every process's OpenAPI document as a portal developer needs it at the gateway's API reference: the gateway as the
/// only server, the OAuth 2.0 client-credentials scheme on the calls that need a token (with the roles that may call),
/// the contract's problem answers, and plain types where the shared JSON converters hide them from the generator.
/// </summary>
public static class ApiDocumentation
{
    public const string DocumentName = "v1";
    public const string SecurityScheme = "oauth2";
    public const string TokenPath = "/connect/token";
    public const string ProblemSchema = "Problem";

    public static IServiceCollection AddApiDocumentation(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.AddSchemaTransformer(PlainTypes);
            options.AddOperationTransformer(Conventions);
            options.AddDocumentTransformer(ThroughTheGateway);
        });

    /// <summary>Documents are read through the gateway, which is also where every call goes ("try it" included).</summary>
    private static Task ThroughTheGateway(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Servers = [new OpenApiServer { Url = "/", Description = "The gateway" }];
        EnsureComponents(document);
        return Task.CompletedTask;
    }

    private static async Task Conventions(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document!;
        EnsureComponents(document);
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (operation.OperationId is null && metadata.OfType<MethodInfo>().LastOrDefault() is { } handler && !handler.Name.Contains('<'))
        {
            operation.OperationId = handler.Name;
        }
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            // [AsParameters] records bind case-insensitively; the contract spells query names in camelCase.
            if (parameter is { In: ParameterLocation.Query, Name: [var first, ..] name } && char.IsUpper(first))
            {
                parameter.Name = char.ToLowerInvariant(first) + name[1..];
            }
        }
        if (metadata.OfType<IdempotentWriteMetadata>().Any() && !HttpMethods.IsGet(context.Description.HttpMethod ?? ""))
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = Idempotency.HeaderName,
                In = ParameterLocation.Header,
                Description = "Makes a retry safe: the same key with the same body returns the first answer again and changes nothing; with another body, 409 idempotency_key_reused.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = IdempotencyRecord.MaxKeyLength }
            });
        }

        operation.Responses ??= [];
        operation.Responses.TryAdd("default", ProblemResponse(document, "A refusal or error: problem+json with a stable snake_case code."));
        if (await RequiredRolesAsync(metadata, context.ApplicationServices) is not { } roles)
        {
            return;
        }
        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecurityScheme, document)] = [] }];
        operation.Responses.TryAdd("401", ProblemResponse(document, "No token, or one that is expired or not the gateway's (code unauthorized)."));
        operation.Responses.TryAdd("403", ProblemResponse(document, "The token's role or unit does not allow this call (code forbidden)."));
        var who = roles.Count == 0 ? "Any valid token." : $"Token of role {string.Join(" or ", roles)}.";
        operation.Description = operation.Description is { Length: > 0 } said ? $"{said}\n\n{who}" : who;
    }

    /// <summary>The roles an endpoint's policies allow (empty for any token), or null for a public endpoint.</summary>
    private static async Task<IReadOnlyList<string>?> RequiredRolesAsync(IList<object> metadata, IServiceProvider services)
    {
        var authorize = metadata.OfType<IAuthorizeData>().ToList();
        var policies = metadata.OfType<AuthorizationPolicy>().ToList();
        if (metadata.OfType<IAllowAnonymous>().Any() || (authorize.Count == 0 && policies.Count == 0))
        {
            return null;
        }
        var policy = await AuthorizationPolicy.CombineAsync(services.GetRequiredService<IAuthorizationPolicyProvider>(), authorize, policies);
        return policy?.Requirements.OfType<RolesAuthorizationRequirement>().LastOrDefault()?.AllowedRoles.ToList() ?? [];
    }

    /// <summary>
    /// Strings go through the shared Unicode converter and numbers may be read from strings: the generator then leaves
    /// strings untyped and calls numbers "integer or string". Clients should send plain JSON types, so those are shown;
    /// a nullable member is optional.
    /// </summary>
    private static Task PlainTypes(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type == typeof(string) && schema.Type is null && schema.OneOf is null && schema.AllOf is null)
        {
            schema.Type = JsonSchemaType.String | (context.JsonPropertyInfo is { } property && IsNullable(property) ? JsonSchemaType.Null : 0);
        }
        if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Enumerable && context.JsonTypeInfo.ElementType == typeof(string) && schema.Items is null)
        {
            schema.Items = new OpenApiSchema { Type = JsonSchemaType.String };
        }
        if (schema.Type is { } types && (types.HasFlag(JsonSchemaType.Integer) || types.HasFlag(JsonSchemaType.Number)))
        {
            schema.Type = types & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
        if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object && schema.Required is { Count: > 0 } required)
        {
            foreach (var property in context.JsonTypeInfo.Properties.Where(IsNullable))
            {
                required.Remove(property.Name);
            }
        }
        return Task.CompletedTask;
    }

    private static readonly NullabilityInfoContext Nullability = new();

    private static bool IsNullable(JsonPropertyInfo property)
    {
        if (Nullable.GetUnderlyingType(property.PropertyType) is not null)
        {
            return true;
        }
        if (property.PropertyType.IsValueType)
        {
            return false;
        }
        lock (Nullability)
        {
            return property.AttributeProvider switch
            {
                PropertyInfo p => Nullability.Create(p).ReadState == NullabilityState.Nullable,
                FieldInfo f => Nullability.Create(f).ReadState == NullabilityState.Nullable,
                _ => false
            };
        }
    }

    public static OpenApiResponse ProblemResponse(OpenApiDocument document, string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document) }
        }
    };

    /// <summary>The token scheme and the problem shape, which operations refer to.</summary>
    public static void EnsureComponents(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes.TryAdd(SecurityScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = "OAuth 2.0 client credentials at the gateway: the secretariat, a unit's portal or a judge exchanges its client id and secret for a bearer token (15 minutes).",
            Flows = new OpenApiOAuthFlows
            {
                ClientCredentials = new OpenApiOAuthFlow { TokenUrl = new Uri(TokenPath, UriKind.Relative), Scopes = new Dictionary<string, string>() }
            }
        });
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas.TryAdd(ProblemSchema, Problem());
    }

    private static OpenApiSchema Problem()
    {
        static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "RFC 9457 problem details. Title and detail are for people; code is for programs.",
            Required = new HashSet<string> { "status", "title", "code" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = Text("A URI reference naming the problem type."),
                ["title"] = Text("A short summary for people."),
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status." },
                ["detail"] = Text("What went wrong with this request, for people."),
                ["instance"] = Text("The request it is about."),
                ["code"] = Text("Stable snake_case code, e.g. validation_failed, unit_exists, duplicate_entry, word_count_out_of_range."),
                ["traceId"] = Text("The trace to quote when asking the operators."),
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "Validation errors: field name → messages (code validation_failed).",
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = Text("A message.") }
                }
            },
            AdditionalPropertiesAllowed = true
        };
    }
}
