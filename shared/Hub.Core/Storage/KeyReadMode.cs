namespace Hub.Core.Storage;

/// <summary>How the Hub reads a set of known row keys of one partition (<see cref="EntityTable.GetRowsAsync"/>).</summary>
public enum KeyReadMode
{
    /// <summary>
    /// <see cref="PointReads"/> on the local emulator (a development-storage connection string, the emulator's account
    /// <c>devstoreaccount1</c> or a loopback table endpoint), <see cref="Queries"/> on any other account.
    /// </summary>
    Auto = 1,

    /// <summary>One point read a key, side by side: a request a key, and flat on an emulator that filters the whole table for any query.</summary>
    PointReads = 2,

    /// <summary>One query for every 14 keys (<c>RowKey eq … or …</c> within the partition): Azure bills a query by its pages, not its rows.</summary>
    Queries = 3,
}
