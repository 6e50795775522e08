using Hub.Core.Kernel;
using Hub.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.Core.Divisions;

/// <summary>
/// The division registry in force, held in memory: the shipped file until an administrator loads a version, then the
/// version stored in <c>divisions/current.json</c>. Every version loaded is kept (<c>versions/{version}.json</c>)
/// and never rewritten. Reads of names and successors cost no storage operation; each instance reads the version
/// in force at start and every <see cref="DivisionRegistryOptions.RefreshInterval"/>.
/// </summary>
public sealed partial class DivisionDirectory
{
    /// <summary>The blob holding the version in force.</summary>
    public const string CurrentFile = "current.json";

    private readonly HubStorage _storage;
    private readonly ILogger<DivisionDirectory> _logger;
    private readonly DivisionRegistry _shipped;
    private volatile DivisionRegistry _current;

    /// <summary>Reads the shipped registry; a shipped file with errors stops the Hub with the findings.</summary>
    public DivisionDirectory(HubStorage storage, IOptions<DivisionRegistryOptions> options, ILogger<DivisionDirectory> logger)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(options);
        _storage = storage;
        _logger = logger;
        var path = ConfiguredPath.Resolve(options.Value.Path);
        var load = File.Exists(path)
            ? DivisionRegistryFile.Read(File.ReadAllBytes(path), Path.GetFileName(path))
            : throw new InvalidOperationException($"The division registry '{path}' (Hub:Divisions:Path) does not exist.");
        _shipped = load.Registry ?? throw new InvalidOperationException(
            $"The division registry '{path}' (Hub:Divisions:Path) has errors: " + string.Join(" | ", load.Findings.Where(f => f.Severity == FindingSeverity.Error).Take(5).Select(f => f.Line)));
        _current = _shipped;
    }

    /// <summary>The registry in force.</summary>
    public DivisionRegistry Registry => _current;

    /// <summary>Reads the version in force from storage and takes it when it differs from the one held.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        var stored = await _storage.DivisionsFolder.DownloadAsync(CurrentFile, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            _current = _shipped;
            return;
        }

        var load = DivisionRegistryFile.Read(stored.ToMemory().Span, CurrentFile);
        if (load.Registry is null)
        {
            // Only a checked file is ever stored; one that no longer passes (a stricter Hub) keeps the registry held.
            LogStoredRegistryRefused(_logger, load.Findings.Count(f => f.Severity == FindingSeverity.Error));
            return;
        }

        if (load.Registry.Hash != _current.Hash)
        {
            _current = load.Registry;
            LogRegistryTaken(_logger, load.Registry.Version);
        }
    }

    /// <summary>
    /// Stores a checked registry as a new version and puts it in force. A version name is taken once: loading it again
    /// with the same content changes nothing, with other content is refused.
    /// </summary>
    public async Task<DivisionRegistryLoadOutcome> LoadAsync(DivisionRegistry registry, BinaryData content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(content);
        var name = $"versions/{registry.Version}.json";
        if (!await _storage.DivisionsFolder.CreateAsync(name, content, "application/json", cancellationToken).ConfigureAwait(false))
        {
            var earlier = await _storage.DivisionsFolder.DownloadAsync(name, cancellationToken).ConfigureAwait(false);
            var earlierHash = earlier is null ? null : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(earlier.ToMemory().Span));
            if (earlierHash != registry.Hash)
            {
                return DivisionRegistryLoadOutcome.VersionTaken;
            }

            if (_current.Hash == registry.Hash)
            {
                return DivisionRegistryLoadOutcome.Unchanged;
            }
        }

        using var stream = content.ToStream();
        await _storage.DivisionsFolder.UploadAsync(CurrentFile, stream, "application/json", cancellationToken).ConfigureAwait(false);
        _current = registry;
        LogRegistryTaken(_logger, registry.Version);
        return DivisionRegistryLoadOutcome.Loaded;
    }

    [LoggerMessage(EventId = 6401, Level = LogLevel.Information, Message = "Division registry {Version} in force")]
    private static partial void LogRegistryTaken(ILogger logger, string version);

    [LoggerMessage(EventId = 6402, Level = LogLevel.Warning, Message = "The stored division registry has {Errors} errors; the registry held stays in force")]
    private static partial void LogStoredRegistryRefused(ILogger logger, int errors);
}
