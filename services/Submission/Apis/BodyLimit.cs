using HoanKiem.ServiceDefaults.Http;

namespace HoanKiem.Submission.Apis;

/// <summary>
/// The contract's 256 KB body limit, answered as <c>413 payload_too_large</c> from the declared length. Kestrel already
/// enforces the limit while reading; this keeps the same answer where no Kestrel limit applies (in-process hosts,
/// a server configured otherwise), and runs before the idempotency filter so an oversized request stores nothing.
/// </summary>
public static class BodyLimit
{
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter((context, next) =>
            context.HttpContext.Request.ContentLength > ServiceDefaultsExtensions.MaxRequestBodyBytes
                ? ValueTask.FromResult<object?>(Problems.PayloadTooLarge())
                : next(context));
        return builder;
    }
}
