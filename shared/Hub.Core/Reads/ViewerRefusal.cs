namespace Hub.Core.Reads;

/// <summary>Why a look at person data cannot start.</summary>
public enum ViewerRefusal
{
    /// <summary>The token does not describe a personal user (a role, a division and, for grid workers, a grid).</summary>
    NotPersonal = 1,

    /// <summary>The declared purpose is not one the policy lists.</summary>
    UnknownPurpose = 2,
}
