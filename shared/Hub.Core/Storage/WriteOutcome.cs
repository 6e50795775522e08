namespace Hub.Core.Storage;

/// <summary>What became of a conditional write.</summary>
public enum WriteOutcome
{
    /// <summary>The write was made.</summary>
    Written = 1,

    /// <summary>An add found a row with the same keys already there (409): someone else added it first.</summary>
    AlreadyExists = 2,

    /// <summary>The row changed since the version the write named (412): someone else wrote it first.</summary>
    Changed = 3,

    /// <summary>The row (or its table) is not there (404).</summary>
    Missing = 4,

    /// <summary>
    /// The row would hold more columns than storage takes (400 <c>TooManyProperties</c>): Azure takes 252 besides the
    /// keys and the time. The emulator takes any number.
    /// </summary>
    TooManyColumns = 5,
}
