namespace Hub.Samples;

/// <summary>Housing-security schemes; each maps to a Hub code in the code list 保障类型.</summary>
public enum HousingType
{
    /// <summary>公租房 (Hub code <c>public-rental</c>).</summary>
    PublicRental = 1,

    /// <summary>廉租房 (Hub code <c>low-rent</c>).</summary>
    LowRent,

    /// <summary>保障性租赁住房 (Hub code <c>affordable-rental</c>).</summary>
    AffordableRental,

    /// <summary>租赁补贴 (Hub code <c>rent-subsidy</c>).</summary>
    RentSubsidy,
}