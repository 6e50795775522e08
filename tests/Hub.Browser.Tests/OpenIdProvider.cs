using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Hub.Tests.Shared;

namespace Hub.Browser.Tests;

/// <summary>
/// A certified OpenID provider (the npm package oidc-provider, eng/oidc-provider) on a loopback port, over HTTPS with a
/// certificate authority made for this run: MSAL accepts only an https authority, and the Hub fetches the provider's
/// discovery document and keys over HTTPS as it does from Entra ID, trusting this authority through
/// <see cref="CertificateAuthorityFile"/> (given to the Hub process as SSL_CERT_FILE; the Hub itself is not changed).
/// </summary>
public sealed class OpenIdProvider : IAsyncDisposable
{
    private readonly Process _process;
    private readonly DirectoryInfo _folder;
    private readonly ConcurrentQueue<string> _output;

    private OpenIdProvider(Process process, DirectoryInfo folder, ConcurrentQueue<string> output, string issuer)
    {
        _process = process;
        _folder = folder;
        _output = output;
        Issuer = issuer;
    }

    /// <summary>The provider's issuer, e.g. <c>https://127.0.0.1:41234</c>: the Hub's Hub:Auth:Authority.</summary>
    public string Issuer { get; }

    /// <summary>The PEM file of the certificate authority that signed the provider's certificate.</summary>
    public string CertificateAuthorityFile => Path.Combine(_folder.FullName, "ca.pem");

    /// <summary>Starts the provider with one public client (the console) and the given accounts' claims.</summary>
    public static async Task<OpenIdProvider> StartAsync(string clientId, Uri redirectUri, string audience, string scope, IReadOnlyDictionary<string, object> accounts)
    {
        var script = Path.Combine(RepositoryRoot.Path, "eng", "oidc-provider", "provider.mjs");
        if (!Directory.Exists(Path.Combine(RepositoryRoot.Path, "eng", "oidc-provider", "node_modules", "oidc-provider")))
        {
            throw new InvalidOperationException("eng/oidc-provider is not installed. eng/test.sh installs it (npm ci --prefix eng/oidc-provider); run the tests through it.");
        }

        var folder = Directory.CreateTempSubdirectory("hub-openid-provider");
        WriteCertificates(folder.FullName);
        var settings = Path.Combine(folder.FullName, "settings.json");
        await File.WriteAllTextAsync(settings, JsonSerializer.Serialize(new
        {
            key = Path.Combine(folder.FullName, "key.pem"),
            cert = Path.Combine(folder.FullName, "cert.pem"),
            clientId,
            redirectUri = redirectUri.ToString(),
            audience,
            scope,
            accounts,
        }));

        var start = new ProcessStartInfo("node", [script, settings]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var output = new ConcurrentQueue<string>();
        var issuer = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, line) =>
        {
            output.Enqueue(line.Data ?? string.Empty);
            if (line.Data?.StartsWith("issuer ", StringComparison.Ordinal) == true)
            {
                issuer.TrySetResult(line.Data["issuer ".Length..]);
            }
        };
        process.ErrorDataReceived += (_, line) => output.Enqueue(line.Data ?? string.Empty);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            return new OpenIdProvider(process, folder, output, await issuer.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The OpenID provider did not start. Its output:{Environment.NewLine}{string.Join(Environment.NewLine, output)}");
        }
    }

    /// <summary>What the provider wrote (its warnings and errors), for a failing test's message.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _folder.Delete(recursive: true);
    }

    // A certificate authority and a server certificate for 127.0.0.1 signed by it, valid for this run only.
    private static void WriteCertificates(string folder)
    {
        var now = DateTimeOffset.UtcNow;
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=Hub test OpenID provider CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var ca = caRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddHours(2));

        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        using var server = request.Create(ca, now.AddMinutes(-5), now.AddHours(2), RandomNumberGenerator.GetBytes(16));

        File.WriteAllText(Path.Combine(folder, "ca.pem"), ca.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, "cert.pem"), server.ExportCertificatePem() + "\n" + ca.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, "key.pem"), key.ExportPkcs8PrivateKeyPem());
    }
}
