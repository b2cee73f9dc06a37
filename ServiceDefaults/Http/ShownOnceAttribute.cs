namespace HoanKiem.ServiceDefaults.Http;

/// <summary>
/// A response member shown to its caller once and never kept: a newly issued client secret. A stored answer (the
/// replay of an <c>Idempotency-Key</c>) leaves it out, so the service's database never holds the secret in plaintext.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ShownOnceAttribute : Attribute;
