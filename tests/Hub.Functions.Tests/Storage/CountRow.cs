using Hub.Core.Storage;

namespace Hub.Functions.Tests.Storage;

/// <summary>A row carrying only <c>Count</c>, to merge over a <see cref="TestRow"/>.</summary>
public sealed class CountRow : StoredEntity
{
    public long Count { get; set; }
}
