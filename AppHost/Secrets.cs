using System.Security.Cryptography;
using HoanKiem.ServiceDefaults;
using HoanKiem.ServiceDefaults.Messaging;
using Microsoft.Extensions.Configuration;

namespace HoanKiem.AppHost;

/// <summary>
/// The secretariat's secret has no published default. Local mode makes one on the first run and keeps it under the
/// data folder (git-ignored); any other mode refuses to start unless one of at least 32 characters is given.
/// </summary>
public static class Secrets
{
    public const int MinimumLength = 32;
    public const string SecretariatSecretFile = "secretariat-secret";
    public const string BrokerPasswordFile = "broker-password";

    public static IResourceBuilder<ParameterResource> AddSecretariatSecret(this IDistributedApplicationBuilder builder, HostingMode mode, string dataDirectory)
    {
        var key = $"Parameters:{ResourceNames.SecretariatSecret}";
        if (string.IsNullOrEmpty(builder.Configuration[key]) && mode == HostingMode.Local)
        {
            var (secret, path) = LocalSecretariatSecret(dataDirectory);
            Console.WriteLine($"Secretariat credentials: client_id=secretariat client_secret={secret} (kept in {path})");
            builder.Configuration[key] = secret;
        }
        RequireSecretariatSecret(builder.Configuration, mode);
        return builder.AddParameter(ResourceNames.SecretariatSecret, secret: true);
    }

    /// <summary>Throws unless the configured secret may be used in this mode.</summary>
    public static void RequireSecretariatSecret(IConfiguration configuration, HostingMode mode)
    {
        var secret = configuration[$"Parameters:{ResourceNames.SecretariatSecret}"] ?? "";
        if (mode != HostingMode.Local && secret.Trim().Length < MinimumLength)
        {
            throw new InvalidOperationException(
                $"Set Parameters__{ResourceNames.SecretariatSecret} (SECRETARIAT_SECRET for run.sh) to a secret of at least {MinimumLength} characters: outside local mode there is no default.");
        }
        if (secret.Length == 0)
        {
            throw new InvalidOperationException($"Parameters__{ResourceNames.SecretariatSecret} is empty.");
        }
    }

    /// <summary>
    /// The local broker's password (its user is <see cref="LocalRabbitMq.User"/>, never guest): <c>Parameters:broker-password</c>,
    /// or one made on the first run and kept under the data folder, as the broker's data is.
    /// </summary>
    public static (IResourceBuilder<ParameterResource> Parameter, string Value) AddBrokerPassword(this IDistributedApplicationBuilder builder, string dataDirectory)
    {
        var key = $"Parameters:{ResourceNames.BrokerPassword}";
        if (string.IsNullOrEmpty(builder.Configuration[key]))
        {
            builder.Configuration[key] = LocalSecret(dataDirectory, BrokerPasswordFile, LocalRabbitMq.NewPassword).Secret;
        }
        return (builder.AddParameter(ResourceNames.BrokerPassword, secret: true), builder.Configuration[key]!);
    }

    /// <summary>The secret kept under the data folder, made (readable by this user only) when there is none yet.</summary>
    public static (string Secret, string Path) LocalSecretariatSecret(string dataDirectory) =>
        LocalSecret(dataDirectory, SecretariatSecretFile,
            () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_'));

    private static (string Secret, string Path) LocalSecret(string dataDirectory, string file, Func<string> generate)
    {
        var path = Path.Combine(dataDirectory, file);
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } kept)
        {
            return (kept, path);
        }
        Directory.CreateDirectory(dataDirectory);
        var secret = generate();
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var writer = new StreamWriter(new FileStream(path, options)))
        {
            writer.Write(secret);
        }
        return (secret, path);
    }
}
