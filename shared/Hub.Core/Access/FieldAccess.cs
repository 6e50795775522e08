namespace Hub.Core.Access;

/// <summary>What a user is given of one attribute, from least to most; a larger value discloses more.</summary>
public enum FieldAccess
{
    /// <summary>Left out: the answer does not say the attribute exists.</summary>
    Hidden = 1,

    /// <summary>Given masked (<c>张*三</c>, <c>110105********002X</c>, <c>138****5678</c>).</summary>
    Masked,

    /// <summary>Given in full.</summary>
    Shown,
}
