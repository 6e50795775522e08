namespace Hub.Core.Identity.Resolution;

/// <summary>The order a steward works the possible-match queue in; ties are broken by record key, so paging is stable.</summary>
public enum QueueSort
{
    /// <summary>Oldest first (the default): nothing waits forever.</summary>
    Age = 1,

    /// <summary>Highest score first: the likeliest matches, quickest to decide, first.</summary>
    Score,
}
