namespace Hub.Core.Profiles;

/// <summary>A person's status in the household register.</summary>
public enum PersonStatus
{
    /// <summary>正常: registered and alive.</summary>
    Active = 1,

    /// <summary>死亡: the person has died; the profile keeps their history.</summary>
    Deceased = 2,

    /// <summary>迁出: the registration has moved out of the area.</summary>
    MovedOut = 3,
}
