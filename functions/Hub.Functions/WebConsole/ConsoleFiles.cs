using Microsoft.Extensions.FileProviders;

namespace Hub.Functions.WebConsole;

/// <summary>
/// The console's files, next to the Hub's binaries (WebConsole/wwwroot). A physical provider refuses paths that leave
/// its root, so a crafted path cannot read anything else.
/// </summary>
internal sealed class ConsoleFiles(IFileProvider provider)
{
    public IFileProvider Provider { get; } = provider;
}
