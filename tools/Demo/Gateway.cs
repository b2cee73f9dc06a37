using HoanKiem.Client;

namespace HoanKiem.Demo;

public sealed class DemoException(string message) : Exception(message);

/// <summary>
/// The gateway as a portal or a script meets it: the typed clients generated from its OpenAPI documents, one per caller
/// (the secretariat, each unit's portal, each judge), all over one pool of connections.
/// </summary>
public sealed class Gateway(Uri address) : IDisposable
{
    private readonly SocketsHttpHandler handler = new() { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };

    public Uri Address => address;

    public async Task<HoanKiemApi> SignInAsync(string clientId, string clientSecret, CancellationToken cancellationToken)
    {
        string token;
        try
        {
            token = await HoanKiemApi.Over(handler, address).TokenAsync(clientId, clientSecret, cancellationToken);
        }
        catch (ApiException e)
        {
            throw new DemoException($"The gateway refused the credentials of '{clientId}' ({e.StatusCode}): {e.Response}");
        }
        return HoanKiemApi.Over(handler, address, token);
    }

    public void Dispose() => handler.Dispose();
}
