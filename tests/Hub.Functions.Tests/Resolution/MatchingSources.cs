using Hub.Tests.Shared;

namespace Hub.Functions.Tests.Resolution;

/// <summary>
/// A sources folder holding the shipped mappings, with civil affairs and the disability federation allowed to send
/// records without a usable ID for matching. The shipped files keep it off until a department's data has been
/// measured, so resolution tests turn it on here rather than in the product's folder.
/// </summary>
internal sealed class MatchingSources : IDisposable
{
    private static readonly string[] Matching = ["civil-affairs.json", "disability-federation.json"];

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("hub-matching-sources-");

    public MatchingSources()
    {
        foreach (var shipped in Directory.EnumerateFiles(ShippedFiles.SourcesFolder, "*.json"))
        {
            var name = Path.GetFileName(shipped);
            var text = File.ReadAllText(shipped);
            if (Matching.Contains(name))
            {
                var edited = text.Replace("\"encoding\": \"auto\",", "\"encoding\": \"auto\",\n  \"matchWithoutId\": true,", StringComparison.Ordinal);
                Assert.NotEqual(text, edited);
                text = edited;
            }

            File.WriteAllText(Path.Combine(_folder.FullName, name), text);
        }
    }

    /// <summary>The Hub setting that points at the folder.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Hub:Sources:Path"] = _folder.FullName };

    public void Dispose() => _folder.Delete(recursive: true);
}
