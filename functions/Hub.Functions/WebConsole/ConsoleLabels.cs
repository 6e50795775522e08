using System.Text.Json;

namespace Hub.Functions.WebConsole;

/// <summary>
/// The console's Chinese labels (<c>i18n/zh-CN.json</c>: attributes, groups, sources, purposes), for documents the
/// Hub renders itself, so a printed report names things as the console does. Read once; a missing file leaves keys.
/// </summary>
internal sealed class ConsoleLabels(ConsoleFiles files)
{
    private readonly Lazy<IReadOnlyDictionary<string, string>> _labels = new(() => Read(files));

    /// <summary>The label of <paramref name="key"/> (e.g. <c>attr.phone</c>), or <paramref name="fallback"/> when the catalogue has none.</summary>
    public string Of(string key, string fallback) => _labels.Value.TryGetValue(key, out var label) ? label : fallback;

    private static Dictionary<string, string> Read(ConsoleFiles files)
    {
        var file = files.Provider.GetFileInfo("i18n/zh-CN.json");
        if (!file.Exists)
        {
            return [];
        }

        using var stream = file.CreateReadStream();
        return JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [];
    }
}
