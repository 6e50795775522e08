namespace Hub.Samples;

/// <summary>Relation to the head of the household, as the police household register (户口簿) records it.</summary>
public enum Relation
{
    /// <summary>户主.</summary>
    Head = 1,

    /// <summary>配偶.</summary>
    Spouse,

    /// <summary>子.</summary>
    Son,

    /// <summary>女.</summary>
    Daughter,

    /// <summary>父亲.</summary>
    Father,

    /// <summary>母亲.</summary>
    Mother,

    /// <summary>孙子.</summary>
    Grandson,

    /// <summary>孙女.</summary>
    Granddaughter,
}