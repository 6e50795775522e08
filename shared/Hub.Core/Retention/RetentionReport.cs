using Hub.Core.Kernel;

namespace Hub.Core.Retention;

/// <summary>What a sweep found and, unless it was a dry run, erased.</summary>
public sealed record RetentionReport(bool DryRun, DateOnly Today, int PersonsChecked, IReadOnlyList<ExpiredPerson> Expired, int PersonsErased, int RowsErased)
{
    /// <summary>
    /// Erasures an earlier sweep stopped after a key's data key went (<see cref="ErasureRemnant"/>), by the key whose rows
    /// were left; a sweep that is no dry run finished them, their rows counted in <see cref="RowsErased"/>.
    /// </summary>
    public IReadOnlyList<PersonKey> Unfinished { get; init; } = [];
}
