namespace Hub.Core.Kernel;

/// <summary>Sensitivity level of an attribute, from basic (L1) to highly sensitive (L4).</summary>
public enum Sensitivity
{
    /// <summary>Basic facts: name, sex, division.</summary>
    L1 = 1,

    /// <summary>Contact details and addresses.</summary>
    L2,

    /// <summary>Group details: assistance amounts, disability category and grade.</summary>
    L3,

    /// <summary>Highly sensitive: the full ID number, severe mental illness.</summary>
    L4,
}
