namespace Hub.Core.Kernel;

/// <summary>The level of the statistical division hierarchy a division code names.</summary>
public enum DivisionLevel
{
    /// <summary>Province (省): the first 2 digits; the rest are zeros.</summary>
    Province = 1,

    /// <summary>City (市): the first 4 digits; the rest are zeros.</summary>
    City,

    /// <summary>County or district (区县): the first 6 digits; the rest are zeros.</summary>
    County,

    /// <summary>Street or township (街道、乡镇): the first 9 digits; the last 3 are zeros.</summary>
    Street,

    /// <summary>Community or village (社区、村): all 12 digits.</summary>
    Community,
}
